using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>
/// What a model is, for whoever loads it next: the technique and payload version, what it detects and on which data,
/// its features, its hyper-parameters, the training window and row count, a summary of the training data, metrics,
/// and the alert threshold with how it was chosen. Saved in every model file (as camelCase JSON).
/// </summary>
/// <remarks>Keys inside <see cref="Options"/>, <see cref="TrainingSummary"/> and <see cref="Metrics"/> are stored in
/// camelCase whatever casing they were given in (<c>final_loss</c>, <c>FinalLoss</c> → <c>finalLoss</c>; nested
/// objects too), so every card reads the same way; two keys that become the same throw
/// <see cref="ArgumentException"/>.</remarks>
public sealed record ModelCard
{
    private readonly JsonObject _options = new();
    private readonly JsonObject _trainingSummary = new();
    private readonly IReadOnlyDictionary<string, double> _metrics = new Dictionary<string, double>();

    /// <summary>The technique, e.g. "IsolationForest"; also the model file's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The version of the kind's payload layout (the model type's <c>FormatVersion</c>); set when the model is
    /// saved or loaded; 0 until then for a card built by hand.</summary>
    public int Version { get; init; }

    /// <summary>One or two sentences: what the model flags and on which data.</summary>
    public string Description { get; init; } = "";

    /// <summary>What one scored item is, e.g. "Logons: account × UTC day" or "SigninLogs: (user, IPv4 address)"; empty
    /// when not stated.</summary>
    public string DataSet { get; init; } = "";

    /// <summary>The <see cref="DataSet"/> of models that score generic feature rows: one event per row with a number
    /// field named as each of <see cref="Features"/> (e.g. scikit-learn forests brought with
    /// <c>secml import</c>).</summary>
    public const string FeatureRowsDataSet = "feature rows";

    /// <summary>Feature or input names in order (for models over pairs, sessions or series: the inputs'
    /// fields).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The start of the training window (UTC; ISO 8601 in the file), or null when not known.</summary>
    public DateTimeOffset? TrainingWindowStart { get; init; }

    /// <summary>The end of the training window (UTC, exclusive when the data is bucketed), or null when not
    /// known.</summary>
    public DateTimeOffset? TrainingWindowEnd { get; init; }

    /// <summary>The number of training items (rows, pairs, sessions, points), or null when not known.</summary>
    public long? TrainingRows { get; init; }

    /// <summary>The hyper-parameters as JSON (the options object serialised; keys in camelCase).</summary>
    public JsonObject Options
    {
        get => _options;
        init => _options = CardKeys.CamelCase(value, nameof(Options));
    }

    /// <summary>A summary of the training data (row counts, entities, losses) as JSON (keys in camelCase).</summary>
    public JsonObject TrainingSummary
    {
        get => _trainingSummary;
        init => _trainingSummary = CardKeys.CamelCase(value, nameof(TrainingSummary));
    }

    /// <summary>The alert threshold on <see cref="IAnomalyModel{TInput}.Score"/> (alert when score ≥ threshold), or
    /// null.</summary>
    public double? Threshold { get; init; }

    /// <summary>How <see cref="Threshold"/> was chosen, e.g. "fpr=0.01 on labelled demo data", "alert budget 20/day",
    /// "contamination auto (scikit-learn offset)"; null when there is no threshold or it was not recorded.</summary>
    public string? ThresholdMethod { get; init; }

    /// <summary>Metrics measured when the threshold was chosen (precision, recall, AUC ...), by camelCase
    /// name.</summary>
    public IReadOnlyDictionary<string, double> Metrics
    {
        get => _metrics;
        init => _metrics = CardKeys.CamelCase(value, nameof(Metrics));
    }

    /// <summary>This card with <paramref name="threshold"/> and how it was chosen.</summary>
    /// <param name="threshold">Alert when score ≥ this; finite (model files hold finite numbers only).</param>
    /// <param name="method">How it was chosen, e.g. "alert budget 20/day"; not empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is null or blank.</exception>
    public ModelCard WithThreshold(double threshold, string method)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(
                nameof(threshold),
                threshold,
                FormattableString.Invariant($"Expected a finite threshold, received {threshold}.")
            );
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return this with { Threshold = threshold, ThresholdMethod = method };
    }

    /// <summary>This card with its training window (stored in UTC) and row count set.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public ModelCard WithTrainingWindow(DateTimeOffset start, DateTimeOffset end, long rows)
    {
        if (end < start)
            throw new ArgumentException(
                $"Expected the window end at or after its start {ModelCardJson.Text(start)}, received "
                    + $"{ModelCardJson.Text(end)}.",
                nameof(end)
            );
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return this with
        {
            TrainingWindowStart = start.ToUniversalTime(),
            TrainingWindowEnd = end.ToUniversalTime(),
            TrainingRows = rows,
        };
    }

    /// <summary>Flags scores at or above <see cref="Threshold"/>: <c>score ≥ Threshold</c> (NaN is never
    /// flagged).</summary>
    /// <param name="scores">Scores of the model this card describes.</param>
    /// <returns>One flag per score, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The card has no threshold (the message names the kind and how to set
    /// one).</exception>
    public bool[] Detect(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double threshold =
            Threshold
            ?? throw new InvalidOperationException(
                $"The {Kind} model has no threshold in its card; choose one with WithThreshold(threshold, method) "
                    + $"(e.g. in notebook 09) before Detect."
            );
        var flags = new bool[scores.Count];
        for (int index = 0; index < flags.Length; index++)
            flags[index] = scores[index] >= threshold;
        return flags;
    }
}
