using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>
/// What a model is, for whoever loads it next: the technique, what it detects, its features, its hyper-parameters,
/// a summary of the training data, and the alert threshold chosen for it (if any). Saved in every model file.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The technique, e.g. "IsolationForest"; also the model file's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>One or two sentences: what the model flags and on which data.</summary>
    public string Description { get; init; } = "";

    /// <summary>Feature names in order (empty for models over pairs, sessions or series).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The hyper-parameters as JSON (the options object serialised).</summary>
    public JsonObject Options { get; init; } = new();

    /// <summary>A summary of the training data (row counts, time window, entities) as JSON.</summary>
    public JsonObject TrainingSummary { get; init; } = new();

    /// <summary>The alert threshold on <see cref="IAnomalyModel{TInput}.Score"/> (alert when score ≥ threshold), or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>Metrics measured when the threshold was chosen (precision, recall, AUC ...), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
