using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Learns which IPv4 addresses each entity (user, instance, account) normally uses, with the semantics of Amazon
/// SageMaker's IP Insights: an embedding per entity (an exact vocabulary; hashing is opt-in), addresses encoded through
/// their /8, /16, /24 and /32 prefix embeddings and <see cref="IpEmbeddingOptions.NumberOfIpEncoderLayers"/> fully
/// connected layers, and a discriminator trained with binary cross-entropy to tell observed (entity, IP) pairs from
/// random and shuffled negatives. The model's dot product is the log-odds that a pair is real; its anomaly score is the
/// negative.
/// </summary>
/// <remarks>Written from the SageMaker IP Insights documentation (hyper-parameters, negative sampling) and Kingma and
/// Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015. Training is seeded and gives identical models for any
/// <see cref="IpEmbeddingOptions.MaximumDegreeOfParallelism"/>.</remarks>
/// <example>
/// <code>
/// var pairs = EntityIpPairs.FromSignIns(provider.SignIns(end: trainingEnd));
/// var model = new IpEmbeddingDetector(new IpEmbeddingOptions { Seed = 7 }).Fit(pairs);
/// double[] scores = model.Score(EntityIpPairs.FromSignIns(provider.SignIns(start: trainingEnd)));
/// </code>
/// </example>
public sealed class IpEmbeddingDetector : IAnomalyDetector<EntityIpPair, IpEmbeddingModel>
{
    /// <summary>Creates the detector; the options are checked here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range (see
    /// <see cref="IpEmbeddingOptions.Validate"/>).</exception>
    public IpEmbeddingDetector(IpEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The hyper-parameters.</summary>
    public IpEmbeddingOptions Options { get; }

    /// <summary>Trains on observed pairs until the validation loss stops improving (or for
    /// <see cref="IpEmbeddingOptions.Epochs"/> epochs): per epoch one progress report "epoch" with the mean training
    /// loss and one "validation" with the validation loss. Training time grows linearly with the pairs, the epochs run
    /// and the negative sampling rates (about 10 s for 140,000 pairs and 16 dimensions on 2 cores).</summary>
    /// <param name="trainingData">At least one pair; every entity non-empty and every address IPv4 (use
    /// <see cref="EntityIpPairs.Usable"/> to drop bad ones first).</param>
    /// <param name="progress">Receives two reports per epoch; may be null.</param>
    /// <param name="cancellationToken">Stops training between mini-batches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is empty, or a pair is null, has no entity or a non-IPv4
    /// address; the message gives the index and the value.</exception>
    public IpEmbeddingModel Fit(
        IReadOnlyList<EntityIpPair> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var (entities, addresses) = TrainingPairs.Check(trainingData);
        var vocabulary = Options.NumberOfEntityVectors is { } rows
            ? EntityVocabulary.Hashed(rows, entities)
            : EntityVocabulary.Exact(entities);
        var result = new IpEmbeddingTrainer(Options).Train(
            entities,
            addresses,
            vocabulary,
            progress,
            cancellationToken
        );
        var model = new IpEmbeddingModel(
            CreateCard(entities, addresses, vocabulary, result),
            vocabulary,
            result.Network
        );
        return model.WithCard(TrainingThreshold.Apply(model.Card, model.Score(trainingData)));
    }

    private ModelCard CreateCard(
        string[] entities,
        uint[] addresses,
        EntityVocabulary vocabulary,
        TrainingResult result
    )
    {
        var summary = new JsonObject
        {
            ["pairs"] = entities.Length,
            ["trainingPairs"] = result.TrainingPairs,
            ["validationPairs"] = result.ValidationPairs,
            ["distinctEntities"] = vocabulary.TrainedEntities,
            ["distinctAddresses"] = addresses.Distinct().Count(),
            ["epochsRun"] = result.EpochLosses.Length,
            ["bestEpoch"] = result.BestEpoch,
            ["stoppedEarly"] = result.StoppedEarly(Options.Epochs),
            ["finalLoss"] = result.EpochLosses[result.BestEpoch - 1],
            ["epochLosses"] = Numbers(result.EpochLosses),
            ["validationLosses"] = Numbers(result.ValidationLosses),
            ["entityVocabulary"] = vocabulary.IsHashed ? "hashed" : "exact",
            ["entityRows"] = vocabulary.RowCount,
            ["unseenEntityScore"] = IpEmbeddingModel.UnseenEntityRule,
        };
        if (vocabulary.IsHashed)
            summary["entityCollisionRate"] = vocabulary.CollisionRate;
        return new ModelCard
        {
            Kind = IpEmbeddingModel.Kind,
            Version = IpEmbeddingModel.FormatVersion,
            DataSet = "Sign-ins: (entity, IPv4 address) pairs",
            Features = ["Entity", "IpAddress"],
            TrainingRows = entities.Length,
            Description =
                "Entity–IP embedding (IP Insights): scores (entity, IPv4) pairs; high scores are addresses unlike "
                + "those the entity and similar entities used in training.",
            Options = Options.ToJson(),
            TrainingSummary = summary,
        };
    }

    private static JsonArray Numbers(double[] values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
