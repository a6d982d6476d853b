using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// The baseline an entity–IP embedding must beat: count how often each entity was seen in each network prefix (its
/// /16 by default) and score a new pair by how rarely the entity used that prefix, smoothed towards how common the
/// prefix is across all entities. Score = −ln P̂(prefix | entity), higher = more anomalous (see
/// <see cref="PrefixFrequencyModel"/> for the formula and the unseen-entity rule).
/// </summary>
/// <remarks>Deterministic (no randomness) and fast (one pass). It cannot generalise: a network used only by an
/// entity's colleagues scores like a network nobody uses, which is what an embedding adds.</remarks>
/// <example>
/// <code>
/// var model = new PrefixFrequencyDetector().Fit(EntityIpPairs.FromSignIns(provider.SignIns(end: trainingEnd)));
/// double[] scores = model.Score([new EntityIpPair("anna@contoso.com", "203.0.113.7")]);   // −ln P̂(/16 | entity)
/// </code>
/// </example>
public sealed class PrefixFrequencyDetector : IAnomalyDetector<EntityIpPair, PrefixFrequencyModel>
{
    /// <summary>Creates the detector with default options (/16, smoothing 1).</summary>
    public PrefixFrequencyDetector()
        : this(new PrefixFrequencyOptions()) { }

    /// <summary>Creates the detector; the options are checked here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see
    /// <see cref="PrefixFrequencyOptions.Validate"/>).</exception>
    public PrefixFrequencyDetector(PrefixFrequencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public PrefixFrequencyOptions Options { get; }

    /// <summary>Counts pairs per (entity, prefix); reports one progress step.</summary>
    /// <param name="trainingData">At least one pair; every entity non-empty and every address IPv4.</param>
    /// <param name="progress">Receives one report; may be null.</param>
    /// <param name="cancellationToken">Unused (one pass).</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is empty, or a pair is null, has no entity or a non-IPv4 address
    /// (index and value in the message).</exception>
    public PrefixFrequencyModel Fit(
        IReadOnlyList<EntityIpPair> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var (entities, addresses) = TrainingPairs.Check(trainingData);
        var counts = new Dictionary<string, Dictionary<uint, int>>(StringComparer.Ordinal);
        for (int index = 0; index < entities.Length; index++)
        {
            if (!counts.TryGetValue(entities[index], out var prefixes))
                counts[entities[index]] = prefixes = [];
            uint prefix = PrefixFrequencyModel.PrefixOf(addresses[index], Options.PrefixLength);
            prefixes[prefix] = prefixes.GetValueOrDefault(prefix) + 1;
        }
        progress?.Report(new TrainingProgress("count", 1, 1));
        var card = new ModelCard
        {
            Kind = PrefixFrequencyModel.Kind,
            Version = PrefixFrequencyModel.FormatVersion,
            DataSet = "Sign-ins: (entity, IPv4 address) pairs",
            Features = ["Entity", "IpAddress"],
            TrainingRows = entities.Length,
            Description =
                $"Per-entity /{Options.PrefixLength} frequency baseline: −ln of how often the entity used the "
                + "address's network, smoothed towards the network's popularity across entities.",
            Options = Options.ToJson(),
            TrainingSummary = new JsonObject
            {
                ["pairs"] = entities.Length,
                ["distinctEntities"] = counts.Count,
                ["distinctPrefixes"] = counts.Values.SelectMany(prefixes => prefixes.Keys).Distinct().Count(),
            },
        };
        var model = new PrefixFrequencyModel(card, Options, counts);
        return model.WithCard(TrainingThreshold.Apply(model.Card, model.Score(trainingData)));
    }
}
