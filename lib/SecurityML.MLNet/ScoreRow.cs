namespace SecurityML.MLNet;

/// <summary>The columns an <see cref="AnomalyScoringTransformer"/> adds (names are set by the transformer).</summary>
internal sealed class ScoreRow
{
    /// <summary>The model's score as <c>float</c>, higher = more anomalous; NaN for a row the model cannot
    /// score.</summary>
    public float Score { get; set; }

    /// <summary>Score ≥ threshold: true = anomaly (the ML.NET binary convention).</summary>
    public bool PredictedLabel { get; set; }

    /// <summary>Per-feature contributions (TreeSHAP for an isolation forest), in feature order; NaN when the model
    /// does not explain.</summary>
    public float[] FeatureContributions { get; set; } = [];
}
