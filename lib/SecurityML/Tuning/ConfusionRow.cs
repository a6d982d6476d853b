namespace SecurityML.Tuning;

/// <summary>One row of a <see cref="ConfusionTable"/> for display.</summary>
/// <param name="Actual">"abnormal" or "normal".</param>
/// <param name="Flagged">Items of this kind with score ≥ threshold.</param>
/// <param name="NotFlagged">Items of this kind below the threshold (or NaN).</param>
public sealed record ConfusionRow(string Actual, long Flagged, long NotFlagged);
