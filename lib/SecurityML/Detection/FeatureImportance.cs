namespace SecurityML.Detection;

/// <summary>A feature and its mean absolute contribution.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="MeanAbsoluteContribution">Mean |contribution| in the model's output units (≥ 0).</param>
public sealed record FeatureImportance(string Feature, double MeanAbsoluteContribution);
