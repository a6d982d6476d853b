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

/// <summary>A feature vector of <c>double</c> (ML.NET's R8 vector).</summary>
internal sealed class DoubleFeatures
{
    /// <summary>The features (the column name is set by the transformer).</summary>
    public double[] Features { get; set; } = [];
}

/// <summary>A feature vector of <c>float</c> (ML.NET's usual R4 vector).</summary>
internal sealed class SingleFeatures
{
    /// <summary>The features (the column name is set by the transformer).</summary>
    public float[] Features { get; set; } = [];
}
