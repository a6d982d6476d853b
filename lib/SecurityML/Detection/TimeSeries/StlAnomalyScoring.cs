namespace SecurityML.Detection.TimeSeries;

/// <summary>msticpy's scoring of an STL decomposition (<c>timeseries_anomalies_stl</c> and
/// <c>set_new_anomaly_threshold</c>): baseline, residual z-score and the anomaly rules.</summary>
internal static class StlAnomalyScoring
{
    /// <summary>Residual spreads at or below this fraction of the series' largest magnitude are rounding noise of an
    /// exact fit (e.g. a constant or perfectly periodic series): the spread is taken as 0, so every score is
    /// 0.</summary>
    public const double NegligibleRelativeSpread = 1e-10;

    /// <summary>The population mean and standard deviation of the residuals (scipy <c>zscore</c>, ddof 0); the
    /// deviation is 0 when negligible relative to <paramref name="scale"/>.</summary>
    public static (double Mean, double StandardDeviation) Spread(IReadOnlyList<double> residuals, double scale)
    {
        double sum = 0;
        for (int i = 0; i < residuals.Count; i++)
            sum += residuals[i];
        double mean = sum / residuals.Count;
        double squares = 0;
        for (int i = 0; i < residuals.Count; i++)
            squares += (residuals[i] - mean) * (residuals[i] - mean);
        double deviation = Math.Sqrt(squares / residuals.Count);
        return (mean, deviation <= NegligibleRelativeSpread * Math.Max(scale, 1.0) ? 0.0 : deviation);
    }

    /// <summary>The z-score; 0 when the standard deviation is 0 (scipy gives NaN there).</summary>
    public static double ZScore(double residual, double mean, double standardDeviation) =>
        standardDeviation > 0 ? (residual - mean) / standardDeviation : 0.0;

    /// <summary>msticpy's rule: 1 when score &gt; threshold and seasonal &gt; 0, −1 when score &gt; threshold and
    /// seasonal &lt; 0, else 0. <paramref name="seasonal"/> must be the seasonal component before any truncation:
    /// msticpy compares the int64-cast column, so a spike whose seasonal value truncates to 0 (|seasonal| &lt; 1) gets
    /// no flag there (pandas leaves it NaN); its sign is still the seasonal sign, so it is flagged here as without
    /// truncation. A seasonal value of exactly 0 (msticpy: undefined) counts as positive: the spike is flagged
    /// 1.</summary>
    public static int SeasonalSignRule(double score, double seasonal, double threshold) =>
        score > threshold ? (seasonal < 0 ? -1 : 1) : 0;

    /// <summary>msticpy's re-threshold: −1 when score ≤ −low, else 1 when score ≥ threshold, else 0.</summary>
    public static int SymmetricRule(double score, double threshold, double low) =>
        score <= -low ? -1
        : score >= threshold ? 1
        : 0;

    /// <summary>Truncates towards zero as pandas' <c>astype("int64")</c> does, when asked.</summary>
    public static double Integer(double value, bool truncate) => truncate ? Math.Truncate(value) : value;

    /// <summary>The rows of a decomposition with their scores and anomaly flags.</summary>
    public static StlScoredPoint[] Rows(
        IReadOnlyList<DateTimeOffset> times,
        StlDecomposition decomposition,
        StlAnomalyOptions options,
        out double mean,
        out double standardDeviation
    )
    {
        bool truncate = options.TruncateToIntegers;
        int count = times.Count;
        var residuals = new double[count];
        for (int i = 0; i < count; i++)
            residuals[i] = Integer(decomposition.Residual[i], truncate);
        double scale = decomposition.Observed.Max(Math.Abs);
        (mean, standardDeviation) = Spread(residuals, scale);
        var rows = new StlScoredPoint[count];
        for (int i = 0; i < count; i++)
        {
            double score = ZScore(residuals[i], mean, standardDeviation);
            rows[i] = new StlScoredPoint(
                times[i],
                Integer(decomposition.Observed[i], truncate),
                residuals[i],
                Integer(decomposition.Trend[i], truncate),
                Integer(decomposition.Seasonal[i], truncate),
                Integer(decomposition.Weights[i], truncate),
                Integer(decomposition.Seasonal[i] + decomposition.Trend[i], truncate),
                score,
                SeasonalSignRule(score, decomposition.Seasonal[i], options.ScoreThreshold)
            );
        }
        return rows;
    }
}
