using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Learns which IPv4 addresses each entity (user, instance, account) normally uses, with the semantics of Amazon
/// SageMaker's IP Insights: entities hashed onto embedding rows, addresses encoded through their /8, /16, /24 and /32
/// prefix embeddings and <see cref="IpEmbeddingOptions.NumberOfIpEncoderLayers"/> fully connected layers, and a
/// discriminator trained with binary cross-entropy to tell observed (entity, IP) pairs from random and shuffled
/// negatives. The model's dot product is the log-odds that a pair is real; its anomaly score is the negative.
/// </summary>
/// <remarks>Written from the SageMaker IP Insights documentation (hyper-parameters, negative sampling) and Kingma and
/// Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015. Training is seeded and gives identical models for any
/// <see cref="IpEmbeddingOptions.MaximumDegreeOfParallelism"/>.</remarks>
public sealed class IpEmbeddingDetector : IAnomalyDetector<EntityIpPair, IpEmbeddingModel>
{
    /// <summary>Creates the detector; the options are checked here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range (see <see cref="IpEmbeddingOptions.Validate"/>).</exception>
    public IpEmbeddingDetector(IpEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The hyper-parameters.</summary>
    public IpEmbeddingOptions Options { get; }

    /// <summary>Trains on observed pairs: one progress report per epoch with the mean loss.</summary>
    /// <param name="trainingData">At least one pair; every entity non-empty and every address IPv4 (use
    /// <see cref="EntityIpPairs.Usable"/> to drop bad ones first).</param>
    /// <param name="progress">Receives a report per epoch; may be null.</param>
    /// <param name="cancellationToken">Stops training between mini-batches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is empty, or a pair is null, has no entity or a non-IPv4
    /// address; the message gives the index and the value.</exception>
    public IpEmbeddingModel Fit(IReadOnlyList<EntityIpPair> trainingData, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0)
        {
            throw new ArgumentException("Expected at least 1 (entity, IP) pair; received 0.", nameof(trainingData));
        }
        var entities = new string[trainingData.Count];
        var addresses = new uint[trainingData.Count];
        for (int index = 0; index < trainingData.Count; index++)
        {
            var pair = trainingData[index] ?? throw new ArgumentException($"Pair {index} is null.", nameof(trainingData));
            if (string.IsNullOrEmpty(pair.Entity))
            {
                throw new ArgumentException($"Pair {index}: the entity is empty; expected an entity identifier.", nameof(trainingData));
            }
            if (!Ipv4Address.TryParse(pair.IpAddress, out addresses[index], out var problem))
            {
                throw new ArgumentException($"Pair {index} ({pair.Entity}): {problem}.", nameof(trainingData));
            }
            entities[index] = pair.Entity;
        }
        var (network, losses) = new IpEmbeddingTrainer(Options).Train(entities, addresses, progress, cancellationToken);
        var model = new IpEmbeddingModel(CreateCard(entities, addresses, losses), network);
        return model.WithCard(TrainingThreshold.Apply(model.Card, model.Score(trainingData)));
    }

    private ModelCard CreateCard(string[] entities, uint[] addresses, double[] losses) => new()
    {
        Kind = IpEmbeddingModel.Kind,
        Version = IpEmbeddingModel.FormatVersion,
        DataSet = "Sign-ins: (entity, IPv4 address) pairs",
        Features = ["Entity", "IpAddress"],
        TrainingRows = entities.Length,
        Description = "Entity–IP embedding (IP Insights): scores (entity, IPv4) pairs; high scores are addresses unlike "
            + "those the entity and similar entities used in training.",
        Options = Options.ToJson(),
        TrainingSummary = new JsonObject
        {
            ["pairs"] = entities.Length,
            ["distinct_entities"] = entities.Distinct(StringComparer.Ordinal).Count(),
            ["distinct_addresses"] = addresses.Distinct().Count(),
            ["final_loss"] = losses[^1],
            ["epoch_losses"] = new JsonArray(losses.Select(loss => (JsonNode?)JsonValue.Create(loss)).ToArray()),
        },
    };
}
