namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// One row of msticpy's <c>timeseries_anomalies_stl</c> output: the observation, its STL components, the baseline,
/// the residual z-score and the anomaly flag. Column names follow msticpy's (residual, trend, seasonal, weights,
/// baseline, score, anomalies) in the library's casing.
/// </summary>
/// <param name="TimeGenerated">The start of the interval (UTC).</param>
/// <param name="Value">The observed value.</param>
/// <param name="Residual">Value − seasonal − trend.</param>
/// <param name="Trend">The STL trend.</param>
/// <param name="Seasonal">The STL seasonal component.</param>
/// <param name="Weights">The STL robustness weight in [0, 1] (1 without robust iterations).</param>
/// <param name="Baseline">Seasonal + trend: the expected value.</param>
/// <param name="Score">The residual's z-score (population standard deviation); higher = further above the
/// baseline.</param>
/// <param name="Anomalies">1, −1 or 0; see <see cref="StlAnomalyModel"/> for the rules.</param>
public sealed record StlScoredPoint(
    DateTimeOffset TimeGenerated,
    double Value,
    double Residual,
    double Trend,
    double Seasonal,
    double Weights,
    double Baseline,
    double Score,
    int Anomalies
);
