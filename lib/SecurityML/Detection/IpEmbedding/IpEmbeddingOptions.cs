using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Hyper-parameters of <see cref="IpEmbeddingDetector"/>, with the names and ranges of Amazon SageMaker's
/// IP Insights algorithm (<c>num_entity_vectors</c>, <c>vector_dim</c>, <c>epochs</c>, ...). Checked once, by
/// <see cref="Validate"/>, when the detector is created. The defaults differ from SageMaker's where SageMaker's
/// undertrain data of less than millions of pairs (batch, learning rate, epochs: see the <c>SageMaker…</c> constants):
/// training runs until the loss on a held-out slice stops improving.
/// </summary>
public sealed record IpEmbeddingOptions
{
    /// <summary>Default <see cref="VectorDimension"/>: 16 (enough for thousands of entities; see
    /// <see cref="RecommendedVectorDimension"/>).</summary>
    public const int DefaultVectorDimension = 16;

    /// <summary>Default <see cref="Epochs"/>: at most 40 passes (validation-loss early stopping usually ends
    /// sooner).</summary>
    public const int DefaultEpochs = 40;

    /// <summary>SageMaker's <c>epochs</c> default, 10: with its batch of 10,000 pairs too few optimiser steps for
    /// data of less than millions of pairs.</summary>
    public const int SageMakerEpochs = 10;

    /// <summary>Default <see cref="LearningRate"/>: 0.01.</summary>
    public const double DefaultLearningRate = 0.01;

    /// <summary>SageMaker's <c>learning_rate</c> default, 0.001.</summary>
    public const double SageMakerLearningRate = 0.001;

    /// <summary>Default <see cref="MiniBatchSize"/>: 100 observed pairs, so an epoch of n pairs is n / 100 optimiser
    /// steps.</summary>
    public const int DefaultMiniBatchSize = 100;

    /// <summary>SageMaker's <c>mini_batch_size</c> default, 10,000.</summary>
    public const int SageMakerMiniBatchSize = 10_000;

    /// <summary>Default <see cref="ValidationFraction"/>: 0.1 of the pairs.</summary>
    public const double DefaultValidationFraction = 0.1;

    /// <summary>Default <see cref="NumberOfEpochsWithoutImprovement"/>: 2.</summary>
    public const int DefaultNumberOfEpochsWithoutImprovement = 2;

    /// <summary>Default <see cref="Tolerance"/>: 0.001 (in units of the mean binary cross-entropy).</summary>
    public const double DefaultTolerance = 0.001;

    /// <summary>Default <see cref="NumberOfIpEncoderLayers"/>: 1 (SageMaker).</summary>
    public const int DefaultNumberOfIpEncoderLayers = 1;

    /// <summary>Default <see cref="RandomNegativeSamplingRate"/>: 1 (SageMaker).</summary>
    public const int DefaultRandomNegativeSamplingRate = 1;

    /// <summary>Default <see cref="ShuffledNegativeSamplingRate"/>: 1 (SageMaker).</summary>
    public const int DefaultShuffledNegativeSamplingRate = 1;

    /// <summary>Default <see cref="WeightDecay"/>: 0.00001 (SageMaker).</summary>
    public const double DefaultWeightDecay = 0.00001;

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

    /// <summary><c>num_entity_vectors</c>: null (the default) keeps an exact vocabulary, one row per distinct
    /// training entity, so entities never seen in training are recognised (<see cref="PairStatus.UnseenEntity"/>). A
    /// number, 1 to 250,000,000, opts into SageMaker's hashing of entities onto that many rows (a memory bound for
    /// huge entity counts; SageMaker recommends twice the distinct entities): entities sharing a row share a profile,
    /// and the card records the share of training entities that collide (<c>entityCollisionRate</c>).</summary>
    public int? NumberOfEntityVectors { get; init; }

    /// <summary><c>vector_dim</c>: size of the entity and IP embeddings, 4 to 4096; default
    /// <see cref="DefaultVectorDimension"/>. SageMaker recommends 128 (<see cref="RecommendedVectorDimension"/>) for
    /// millions of pairs; training time grows about linearly with it (the encoder layers quadratically).</summary>
    public int VectorDimension { get; init; } = DefaultVectorDimension;

    /// <summary><c>epochs</c>: the most passes over the training pairs, ≥ 1; default <see cref="DefaultEpochs"/>.
    /// With <see cref="ValidationFraction"/> &gt; 0 training stops earlier when the validation loss stops
    /// improving.</summary>
    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary><c>learning_rate</c> of Adam, 1e-6 to 10; default <see cref="DefaultLearningRate"/> (SageMaker's is
    /// <see cref="SageMakerLearningRate"/>).</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <summary><c>mini_batch_size</c>: observed pairs per optimiser step (negatives come on top), 1 to 500,000;
    /// default <see cref="DefaultMiniBatchSize"/> (SageMaker's is <see cref="SageMakerMiniBatchSize"/>). An epoch is
    /// pairs / batch steps; a step costs about batch × (1 + negative rates) × vector_dim × (layers + 1) multiply-adds,
    /// so an epoch's time grows linearly with the pairs and does not depend much on the batch size.</summary>
    public int MiniBatchSize { get; init; } = DefaultMiniBatchSize;

    /// <summary><c>num_ip_encoder_layers</c>: fully connected layers (ReLU between them, the last linear) that map the
    /// summed prefix embeddings to the IP vector, 0 to 100; default
    /// <see cref="DefaultNumberOfIpEncoderLayers"/>.</summary>
    public int NumberOfIpEncoderLayers { get; init; } = DefaultNumberOfIpEncoderLayers;

    /// <summary><c>random_negative_sampling_rate</c>: per observed pair, this many negatives pairing its entity with
    /// a random address (each octet uniform), 0 to 500; default
    /// <see cref="DefaultRandomNegativeSamplingRate"/>.</summary>
    public int RandomNegativeSamplingRate { get; init; } = DefaultRandomNegativeSamplingRate;

    /// <summary><c>shuffled_negative_sampling_rate</c>: per observed pair, this many negatives re-pairing entities
    /// and addresses of the mini-batch, 0 to 500; default <see cref="DefaultShuffledNegativeSamplingRate"/>.</summary>
    public int ShuffledNegativeSamplingRate { get; init; } = DefaultShuffledNegativeSamplingRate;

    /// <summary><c>weight_decay</c>: L2 coefficient added to the gradients, 0 to 10; default
    /// <see cref="DefaultWeightDecay"/>.</summary>
    public double WeightDecay { get; init; } = DefaultWeightDecay;

    /// <summary>How the /16, /24 and /32 prefixes of an address get embedding rows (the /8 prefix has its own 256
    /// rows). Null (the default): an exact vocabulary of the prefixes seen at least twice in training, and one
    /// "unfamiliar" row per prefix length for all others, so networks nobody used are encoded as unfamiliar. A
    /// number, 1 to 16,777,216, hashes every prefix onto that many shared rows instead (a memory bound; the encoding
    /// of payload version 1 models). Not a SageMaker parameter: SageMaker does not document its address encoding;
    /// this library encodes addresses through their prefixes.</summary>
    public int? NumberOfIpPrefixVectors { get; init; }

    /// <summary>Share of the training pairs held out to measure the validation loss after every epoch, 0 to 0.5
    /// (at most 20,000 pairs); default <see cref="DefaultValidationFraction"/>. Pairs are held out only while their
    /// entity keeps a training pair, so every entity is learned. The validation loss is the mean binary cross-entropy
    /// on the held-out pairs and their negatives (drawn once, seeded). Training stops after
    /// <see cref="NumberOfEpochsWithoutImprovement"/> epochs without an improvement of more than
    /// <see cref="Tolerance"/> and keeps the weights of the best epoch (as scikit-learn's <c>early_stopping</c>). 0
    /// turns early stopping off: all <see cref="Epochs"/> run.</summary>
    public double ValidationFraction { get; init; } = DefaultValidationFraction;

    /// <summary>Epochs without a validation improvement before training stops, ≥ 1; default
    /// <see cref="DefaultNumberOfEpochsWithoutImprovement"/> (scikit-learn's <c>n_iter_no_change</c>).</summary>
    public int NumberOfEpochsWithoutImprovement { get; init; } = DefaultNumberOfEpochsWithoutImprovement;

    /// <summary>The least decrease of the validation loss that counts as an improvement, 0 to 1; default
    /// <see cref="DefaultTolerance"/> (scikit-learn's <c>tol</c>).</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Seed of the initial weights, the epoch shuffles and the negative samples; default
    /// <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Threads used per mini-batch, ≥ 1; default the processor count. Results are identical for any
    /// value.</summary>
    public int MaximumDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every value; the message names the parameter, its range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (NumberOfEntityVectors is { } rows)
            Require(rows, 1, MaximumNumberOfEntityVectors, nameof(NumberOfEntityVectors));
        Require(VectorDimension, MinimumVectorDimension, MaximumVectorDimension, nameof(VectorDimension));
        Require(Epochs, 1, int.MaxValue, nameof(Epochs));
        Require(LearningRate, 1e-6, 10, nameof(LearningRate));
        Require(MiniBatchSize, 1, 500_000, nameof(MiniBatchSize));
        Require(NumberOfIpEncoderLayers, 0, 100, nameof(NumberOfIpEncoderLayers));
        Require(RandomNegativeSamplingRate, 0, MaximumNegativeSamplingRate, nameof(RandomNegativeSamplingRate));
        Require(ShuffledNegativeSamplingRate, 0, MaximumNegativeSamplingRate, nameof(ShuffledNegativeSamplingRate));
        Require(WeightDecay, 0, 10, nameof(WeightDecay));
        if (NumberOfIpPrefixVectors is { } prefixRows)
            Require(prefixRows, 1, 1 << 24, nameof(NumberOfIpPrefixVectors));
        Require(ValidationFraction, 0, 0.5, nameof(ValidationFraction));
        Require(NumberOfEpochsWithoutImprovement, 1, int.MaxValue, nameof(NumberOfEpochsWithoutImprovement));
        Require(Tolerance, 0, 1, nameof(Tolerance));
        Require(MaximumDegreeOfParallelism, 1, int.MaxValue, nameof(MaximumDegreeOfParallelism));
    }

    /// <summary>The options as JSON for the model card: the SageMaker hyper-parameter names in camelCase
    /// (<c>numEntityVectors</c> null for the exact vocabulary).</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["numEntityVectors"] = NumberOfEntityVectors,
            ["vectorDim"] = VectorDimension,
            ["epochs"] = Epochs,
            ["learningRate"] = LearningRate,
            ["miniBatchSize"] = MiniBatchSize,
            ["numIpEncoderLayers"] = NumberOfIpEncoderLayers,
            ["randomNegativeSamplingRate"] = RandomNegativeSamplingRate,
            ["shuffledNegativeSamplingRate"] = ShuffledNegativeSamplingRate,
            ["weightDecay"] = WeightDecay,
            ["numIpPrefixVectors"] = NumberOfIpPrefixVectors,
            ["validationFraction"] = ValidationFraction,
            ["numberOfEpochsWithoutImprovement"] = NumberOfEpochsWithoutImprovement,
            ["tolerance"] = Tolerance,
            ["seed"] = Seed,
        };

    private static void Require(double value, double minimum, double maximum, string name)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                $"{name} must be in [{minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "
                    + $"{maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)}]; received "
                    + $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            );
        }
    }
}
