namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// An STL decomposition of a series, observed = seasonal + trend + residual (Cleveland, Cleveland, McRae and
/// Terpenning 1990), computed as statsmodels' <c>STL(endog, ...).fit()</c> computes it: the same inner loop
/// (detrend, cycle-subseries LOESS extended one cycle each side, low-pass filter of moving averages of
/// period, period, 3 and LOESS, deseasonalise, trend LOESS), the same robustness weights between outer iterations,
/// and the same boundary and jump handling, in the same arithmetic order: bit-identical to statsmodels 0.13.5 on the
/// committed reference series (non-robust and robust, periods 7, 12 and 24, degrees 0 and 1, jumps; see the tests).
/// </summary>
public sealed class StlDecomposition
{
    private StlDecomposition(StlOptions options, double[] observed, double[] seasonal, double[] trend, double[] weights)
    {
        Options = options;
        Observed = observed;
        Seasonal = seasonal;
        Trend = trend;
        Weights = weights;
        var residual = new double[observed.Length];
        for (int i = 0; i < residual.Length; i++)
            residual[i] = observed[i] - seasonal[i] - trend[i];
        Residual = residual;
    }

    /// <summary>The options used.</summary>
    public StlOptions Options { get; }

    /// <summary>The decomposed values, in order.</summary>
    public IReadOnlyList<double> Observed { get; }

    /// <summary>The seasonal component (statsmodels <c>seasonal</c>).</summary>
    public IReadOnlyList<double> Seasonal { get; }

    /// <summary>The trend component (statsmodels <c>trend</c>).</summary>
    public IReadOnlyList<double> Trend { get; }

    /// <summary>observed − seasonal − trend (statsmodels <c>resid</c>, computed in that order).</summary>
    public IReadOnlyList<double> Residual { get; }

    /// <summary>The final robustness weights in [0, 1] (statsmodels <c>weights</c>): all 1 without outer iterations;
    /// otherwise the bisquare weights used by the last pass, 0 for the strongest outliers.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Decomposes <paramref name="values"/> (not modified).</summary>
    /// <param name="values">Equally spaced observations, at least two full periods, all finite.</param>
    /// <param name="options">The STL options; null means the defaults (period 24, seasonal 7).</param>
    /// <param name="progress">Receives one report per pass of the inner loop set (1 + outer iterations); may be
    /// null.</param>
    /// <param name="cancellationToken">Checked between passes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 × period values, or a NaN/infinite value (the message gives
    /// its position).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static StlDecomposition Compute(
        IReadOnlyList<double> values,
        StlOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new StlOptions();
        options.Validate();
        TimeSeriesChecks.RequireFinite(values, nameof(values));
        TimeSeriesChecks.RequireTwoPeriods(values.Count, options.Period, nameof(values));
        var observed = values.ToArray();
        var state = new StlState(observed, options);
        int passes = options.ResolvedOuterIterations + 1;
        for (int pass = 1; pass <= passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.InnerLoop(options.ResolvedInnerIterations, useRobustnessWeights: pass > 1);
            if (pass < passes)
                state.UpdateRobustnessWeights();
            progress?.Report(new TrainingProgress("STL pass", pass, passes));
        }
        return new StlDecomposition(options, observed, state.Seasonal, state.Trend, state.RobustnessWeights);
    }

    /// <summary>Rebuilds a decomposition from saved components (model files).</summary>
    internal static StlDecomposition FromComponents(
        StlOptions options,
        double[] observed,
        double[] seasonal,
        double[] trend,
        double[] weights
    ) => new(options, observed, seasonal, trend, weights);
}
