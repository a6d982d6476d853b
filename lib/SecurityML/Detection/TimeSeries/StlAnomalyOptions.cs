namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// Options of <see cref="StlAnomalyDetector"/>: the STL decomposition and msticpy's <c>timeseries_anomalies_stl</c>
/// scoring (<c>seasonal=7</c>, <c>period=24</c>, <c>score_threshold=3.0</c>).
/// </summary>
public sealed record StlAnomalyOptions
{
    /// <summary>Default <see cref="ScoreThreshold"/>: 3.0 (msticpy's <c>score_threshold</c>).</summary>
    public const double DefaultScoreThreshold = 3.0;

    /// <summary>Default <see cref="Interval"/>: one hour.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>The STL options; default period 24, seasonal 7, everything else derived as statsmodels does.</summary>
    public StlOptions Decomposition { get; init; } = new();

    /// <summary>A point is an anomaly when its residual z-score is strictly greater than this; finite and ≥ 0,
    /// default <see cref="DefaultScoreThreshold"/>. Also the model card's threshold.</summary>
    public double ScoreThreshold { get; init; } = DefaultScoreThreshold;

    /// <summary>msticpy casts the observed value, residual, trend, seasonal, weights and baseline to 64-bit integers
    /// (truncating towards zero) before the z-score; true reproduces that. Default false: keep the fractions (the
    /// truncation changes little for byte counts but ruins small-valued series, e.g. weights become 0 or 1).</summary>
    public bool TruncateToIntegers { get; init; }

    /// <summary>The spacing of the series; every point must be exactly this far from the previous one. Positive,
    /// default <see cref="DefaultInterval"/>.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Throws when an option is out of range; the message names it, the range and the value.</summary>
    /// <exception cref="ArgumentNullException"><see cref="Decomposition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public void Validate()
    {
        if (Decomposition is null)
            throw new ArgumentNullException(nameof(Decomposition));
        Decomposition.Validate();
        if (!double.IsFinite(ScoreThreshold) || ScoreThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ScoreThreshold),
                ScoreThreshold,
                $"Expected a finite score threshold ≥ 0, received {ScoreThreshold}."
            );
        }
        TimeSeriesChecks.RequirePositive(Interval, nameof(Interval));
    }
}
