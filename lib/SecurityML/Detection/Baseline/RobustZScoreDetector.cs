using System.Text.Json.Nodes;

namespace SecurityML.Detection.Baseline;

/// <summary>
/// A per-entity robust z-score baseline, and the template for bringing your own detector: it learns each entity's
/// median and median absolute deviation (MAD) of one feature and scores a new value by its distance from the median
/// in units of 1.4826 × MAD (the MAD scaled to estimate the standard deviation of normal data, as statsmodels'
/// <c>robust.scale.mad</c>). Higher = more anomalous.
/// </summary>
/// <remarks>Iglewicz and Hoaglin, "How to Detect and Handle Outliers" (1993), modified z-score. Deterministic (no
/// randomness); <see cref="Fit"/> reports one progress step.</remarks>
/// <example>
/// <code>
/// EntityValue[] history = [new("anna", 3), new("anna", 4), new("anna", 5), new("anna", 4), new("anna", 3)];
/// var model = new RobustZScoreDetector(new RobustZScoreOptions()).Fit(history);
/// double[] scores = model.Score([new EntityValue("anna", 4), new EntityValue("anna", 40)]); // [0, 24.28…]
/// </code>
/// </example>
public sealed class RobustZScoreDetector : IAnomalyDetector<EntityValue, RobustZScoreModel>
{
    /// <summary>Creates the detector; the options are checked here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see
    /// <see cref="RobustZScoreOptions.Validate"/>).</exception>
    public RobustZScoreDetector(RobustZScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The hyper-parameters.</summary>
    public RobustZScoreOptions Options { get; }

    /// <summary>Learns median and MAD per entity (NaN values ignored).</summary>
    /// <param name="trainingData">At least one observation; entities non-empty.</param>
    /// <param name="progress">Receives one report; may be null.</param>
    /// <param name="cancellationToken">Unused (fitting is one pass).</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">No observation, or one is null or has an empty entity (index
    /// given).</exception>
    public RobustZScoreModel Fit(
        IReadOnlyList<EntityValue> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0)
            throw new ArgumentException("Expected at least 1 observation; received 0.", nameof(trainingData));
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int index = 0; index < trainingData.Count; index++)
        {
            var item =
                trainingData[index]
                ?? throw new ArgumentException($"Observation {index} is null.", nameof(trainingData));
            if (string.IsNullOrEmpty(item.Entity))
                throw new ArgumentException($"Observation {index}: the entity is empty.", nameof(trainingData));
            if (double.IsNaN(item.Value))
                continue;
            if (!values.TryGetValue(item.Entity, out var list))
                values[item.Entity] = list = [];
            list.Add(item.Value);
        }
        var baselines = values.ToDictionary(
            pair => pair.Key,
            pair => EntityBaseline.Of(pair.Value),
            StringComparer.Ordinal
        );
        progress?.Report(new TrainingProgress("baseline", 1, 1));
        var card = new ModelCard
        {
            Kind = RobustZScoreModel.Kind,
            Version = RobustZScoreModel.FormatVersion,
            DataSet = $"Per-entity values of {Options.FeatureName} ({Options.EntityField} × observation)",
            TrainingRows = trainingData.Count,
            Threshold = RobustZScoreModel.DefaultThreshold,
            ThresholdMethod = RobustZScoreModel.DefaultThresholdMethod,
            Description =
                $"Per-entity robust z-score of {Options.FeatureName}: distance from the entity's median in units "
                + $"of 1.4826 × MAD.",
            Features = [Options.FeatureName],
            Options = Options.ToJson(),
            TrainingSummary = new JsonObject
            {
                ["observations"] = trainingData.Count,
                ["entities"] = baselines.Count,
                ["entities_with_enough_history"] = baselines.Values.Count(b => b.Count >= Options.MinimumHistory),
            },
        };
        return new RobustZScoreModel(card, Options, baselines);
    }
}
