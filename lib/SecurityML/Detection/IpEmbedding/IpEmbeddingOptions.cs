using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Hyper-parameters of <see cref="IpEmbeddingDetector"/>, with the names, ranges and defaults of Amazon SageMaker's
/// IP Insights algorithm (<c>num_entity_vectors</c>, <c>vector_dim</c>, <c>epochs</c>, ...). Checked once, by
/// <see cref="Validate"/>, when the detector is created.
/// </summary>
public sealed record IpEmbeddingOptions
{
    /// <summary>Default <see cref="Epochs"/>: 10 (SageMaker).</summary>
    public const int DefaultEpochs = 10;
    /// <summary>Default <see cref="LearningRate"/>: 0.001 (SageMaker).</summary>
    public const double DefaultLearningRate = 0.001;
    /// <summary>Default <see cref="MiniBatchSize"/>: 10,000 observed pairs (SageMaker).</summary>
    public const int DefaultMiniBatchSize = 10_000;
    /// <summary>Default <see cref="NumberOfIpEncoderLayers"/>: 1 (SageMaker).</summary>
    public const int DefaultNumberOfIpEncoderLayers = 1;
    /// <summary>Default <see cref="RandomNegativeSamplingRate"/>: 1 (SageMaker).</summary>
    public const int DefaultRandomNegativeSamplingRate = 1;
    /// <summary>Default <see cref="ShuffledNegativeSamplingRate"/>: 1 (SageMaker).</summary>
    public const int DefaultShuffledNegativeSamplingRate = 1;
    /// <summary>Default <see cref="WeightDecay"/>: 0.00001 (SageMaker).</summary>
    public const double DefaultWeightDecay = 0.00001;
    /// <summary>Default <see cref="NumberOfIpPrefixVectors"/>: 32,768 hashed rows for the /16, /24 and /32 prefixes.</summary>
    public const int DefaultNumberOfIpPrefixVectors = 32_768;
    /// <summary>Default <see cref="Seed"/>: 0.</summary>
    public const int DefaultSeed = 0;
    /// <summary>The recommended <see cref="VectorDimension"/>: 128 (SageMaker).</summary>
    public const int RecommendedVectorDimension = 128;
    /// <summary>Largest <see cref="NumberOfEntityVectors"/>: 250,000,000 (SageMaker).</summary>
    public const int MaximumNumberOfEntityVectors = 250_000_000;
    /// <summary>Smallest <see cref="VectorDimension"/>: 4 (SageMaker).</summary>
    public const int MinimumVectorDimension = 4;
    /// <summary>Largest <see cref="VectorDimension"/>: 4096 (SageMaker).</summary>
    public const int MaximumVectorDimension = 4096;
    /// <summary>Largest negative sampling rate: 500 (SageMaker).</summary>
    public const int MaximumNegativeSamplingRate = 500;

    /// <summary><c>num_entity_vectors</c>: rows of the entity embedding table; entities are hashed onto them
    /// (collisions tolerated). Required, 1 to 250,000,000; SageMaker recommends twice the number of distinct entities.</summary>
    public required int NumberOfEntityVectors { get; init; }

    /// <summary><c>vector_dim</c>: size of the entity and IP embeddings. Required, 4 to 4096; 128 recommended
    /// (<see cref="RecommendedVectorDimension"/>), smaller trains faster on small data.</summary>
    public required int VectorDimension { get; init; }

    /// <summary><c>epochs</c>: passes over the training data, ≥ 1; default <see cref="DefaultEpochs"/>.</summary>
    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary><c>learning_rate</c> of Adam, 1e-6 to 10; default <see cref="DefaultLearningRate"/>.</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <summary><c>mini_batch_size</c>: observed pairs per step (negatives come on top), 1 to 500,000; default
    /// <see cref="DefaultMiniBatchSize"/>.</summary>
    public int MiniBatchSize { get; init; } = DefaultMiniBatchSize;

    /// <summary><c>num_ip_encoder_layers</c>: fully connected layers (ReLU between them, the last linear) that map the
    /// summed prefix embeddings to the IP vector, 0 to 100; default <see cref="DefaultNumberOfIpEncoderLayers"/>.</summary>
    public int NumberOfIpEncoderLayers { get; init; } = DefaultNumberOfIpEncoderLayers;

    /// <summary><c>random_negative_sampling_rate</c>: per observed pair, this many negatives pairing its entity with
    /// a random address (each octet uniform), 0 to 500; default <see cref="DefaultRandomNegativeSamplingRate"/>.</summary>
    public int RandomNegativeSamplingRate { get; init; } = DefaultRandomNegativeSamplingRate;

    /// <summary><c>shuffled_negative_sampling_rate</c>: per observed pair, this many negatives re-pairing entities
    /// and addresses of the mini-batch, 0 to 500; default <see cref="DefaultShuffledNegativeSamplingRate"/>.</summary>
    public int ShuffledNegativeSamplingRate { get; init; } = DefaultShuffledNegativeSamplingRate;

    /// <summary><c>weight_decay</c>: L2 coefficient added to the gradients, 0 to 10; default <see cref="DefaultWeightDecay"/>.</summary>
    public double WeightDecay { get; init; } = DefaultWeightDecay;

    /// <summary>Hashed embedding rows for the /16, /24 and /32 prefixes (the /8 prefix has its own 256 rows),
    /// 1 to 16,777,216; default <see cref="DefaultNumberOfIpPrefixVectors"/>. Not a SageMaker parameter: SageMaker
    /// does not document its address encoding; this library encodes addresses through their prefixes.</summary>
    public int NumberOfIpPrefixVectors { get; init; } = DefaultNumberOfIpPrefixVectors;

    /// <summary>Seed of the initial weights, the epoch shuffles and the negative samples; default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Threads used per mini-batch, ≥ 1; default the processor count. Results are identical for any value.</summary>
    public int MaximumDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every value; the message names the parameter, its range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        Require(NumberOfEntityVectors, 1, MaximumNumberOfEntityVectors, nameof(NumberOfEntityVectors));
        Require(VectorDimension, MinimumVectorDimension, MaximumVectorDimension, nameof(VectorDimension));
        Require(Epochs, 1, int.MaxValue, nameof(Epochs));
        Require(LearningRate, 1e-6, 10, nameof(LearningRate));
        Require(MiniBatchSize, 1, 500_000, nameof(MiniBatchSize));
        Require(NumberOfIpEncoderLayers, 0, 100, nameof(NumberOfIpEncoderLayers));
        Require(RandomNegativeSamplingRate, 0, MaximumNegativeSamplingRate, nameof(RandomNegativeSamplingRate));
        Require(ShuffledNegativeSamplingRate, 0, MaximumNegativeSamplingRate, nameof(ShuffledNegativeSamplingRate));
        Require(WeightDecay, 0, 10, nameof(WeightDecay));
        Require(NumberOfIpPrefixVectors, 1, 1 << 24, nameof(NumberOfIpPrefixVectors));
        Require(MaximumDegreeOfParallelism, 1, int.MaxValue, nameof(MaximumDegreeOfParallelism));
    }

    /// <summary>The options as JSON, with the SageMaker hyper-parameter names, for the model card.</summary>
    public JsonObject ToJson() => new()
    {
        ["num_entity_vectors"] = NumberOfEntityVectors,
        ["vector_dim"] = VectorDimension,
        ["epochs"] = Epochs,
        ["learning_rate"] = LearningRate,
        ["mini_batch_size"] = MiniBatchSize,
        ["num_ip_encoder_layers"] = NumberOfIpEncoderLayers,
        ["random_negative_sampling_rate"] = RandomNegativeSamplingRate,
        ["shuffled_negative_sampling_rate"] = ShuffledNegativeSamplingRate,
        ["weight_decay"] = WeightDecay,
        ["num_ip_prefix_vectors"] = NumberOfIpPrefixVectors,
        ["seed"] = Seed,
    };

    private static void Require(double value, double minimum, double maximum, string name)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be in [{minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "
                + $"{maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)}]; received {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
