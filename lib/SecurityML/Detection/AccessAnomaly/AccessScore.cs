namespace SecurityML.Detection.AccessAnomaly;

/// <summary>A pair's anomaly score and why it is what it is.</summary>
/// <param name="Score">Higher = more anomalous; NaN for unknown entities, +∞ for different components.</param>
/// <param name="Status">The reason.</param>
public readonly record struct AccessScore(double Score, AccessScoreStatus Status);
