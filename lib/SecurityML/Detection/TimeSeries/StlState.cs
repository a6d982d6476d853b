namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// The working state of one STL fit (the NETLIB <c>stl</c>/<c>onestp</c>/<c>ss</c>/<c>fts</c>/<c>rwts</c> routines as
/// statsmodels 0.13 ports them): components, robustness weights and five work rows of n + 2 × period values.
/// </summary>
internal sealed class StlState
{
    private readonly double[] _observed;
    private readonly StlOptions _options;
    private readonly int _count;
    private readonly int _period;
    private readonly double[][] _work;
    private readonly TricubeWeights _kernel = new();
    private bool _useRobustnessWeights;

    public StlState(double[] observed, StlOptions options)
    {
        _observed = observed;
        _options = options;
        _count = observed.Length;
        _period = options.Period;
        Seasonal = new double[_count];
        Trend = new double[_count];
        RobustnessWeights = new double[_count];
        Array.Fill(RobustnessWeights, 1.0);
        _work = new double[5][];
        for (int row = 0; row < _work.Length; row++)
            _work[row] = new double[_count + 2 * _period];
    }

    public double[] Seasonal { get; }

    public double[] Trend { get; }

    public double[] RobustnessWeights { get; }

    private ReadOnlySpan<double> ActiveWeights => _useRobustnessWeights ? RobustnessWeights : default;

    /// <summary>The inner loop (<c>onestp</c>) repeated <paramref name="iterations"/> times.</summary>
    public void InnerLoop(int iterations, bool useRobustnessWeights)
    {
        _useRobustnessWeights = useRobustnessWeights;
        double[] detrended = _work[0],
            cycleSmooth = _work[1],
            lowPass = _work[2];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            for (int i = 0; i < _count; i++)
                detrended[i] = _observed[i] - Trend[i];
            SmoothCycleSubseries();
            LowPassFilter();
            StlLoess.Smooth(
                lowPass,
                _count,
                _options.ResolvedLowPass,
                _options.LowPassDegree,
                _options.LowPassJump,
                default,
                _work[0],
                _work[4],
                _kernel
            );
            for (int i = 0; i < _count; i++)
            {
                Seasonal[i] = cycleSmooth[_period + i] - _work[0][i];
                _work[0][i] = _observed[i] - Seasonal[i];
            }
            StlLoess.Smooth(
                _work[0],
                _count,
                _options.ResolvedTrend,
                _options.TrendDegree,
                _options.TrendJump,
                ActiveWeights,
                Trend,
                _work[2],
                _kernel
            );
        }
    }

    /// <summary>Smooths each cycle-subseries of the detrended series (<c>ss</c>), extended by one value each side,
    /// into work row 1 (n + 2 × period values).</summary>
    private void SmoothCycleSubseries()
    {
        double[] detrended = _work[0],
            output = _work[1],
            subseries = _work[2],
            smoothed = _work[3],
            weights = _work[4];
        int length = _options.Seasonal,
            degree = _options.SeasonalDegree;
        for (int phase = 0; phase < _period; phase++)
        {
            int count = (_count - (phase + 1)) / _period + 1;
            for (int i = 0; i < count; i++)
                subseries[i] = detrended[i * _period + phase];
            if (_useRobustnessWeights)
            {
                for (int i = 0; i < count; i++)
                    weights[i] = RobustnessWeights[i * _period + phase];
            }
            ReadOnlySpan<double> subseriesWeights = _useRobustnessWeights ? weights : default;
            StlLoess.Smooth(
                subseries,
                count,
                length,
                degree,
                _options.SeasonalJump,
                subseriesWeights,
                smoothed.AsSpan(1),
                Seasonal,
                _kernel
            );
            int right = Math.Min(length, count);
            smoothed[0] = StlLoess.Estimate(
                subseries,
                count,
                length,
                degree,
                0,
                1,
                right,
                Seasonal,
                subseriesWeights,
                _kernel,
                out var first
            )
                ? first
                : smoothed[1];
            int left = Math.Max(1, count - length + 1);
            smoothed[count + 1] = StlLoess.Estimate(
                subseries,
                count,
                length,
                degree,
                count + 1,
                left,
                count,
                Seasonal,
                subseriesWeights,
                _kernel,
                out var last
            )
                ? last
                : smoothed[count];
            for (int m = 0; m < count + 2; m++)
                output[m * _period + phase] = smoothed[m];
        }
    }

    /// <summary>The low-pass filter's moving averages (<c>fts</c>): period, period, 3 over work row 1, into row
    /// 2.</summary>
    private void LowPassFilter()
    {
        int extended = _count + 2 * _period;
        StlLoess.MovingAverage(_work[1], extended, _period, _work[2]);
        StlLoess.MovingAverage(_work[2], extended - _period + 1, _period, _work[0]);
        StlLoess.MovingAverage(_work[0], extended - 2 * _period + 2, 3, _work[2]);
    }

    /// <summary>Bisquare robustness weights of |observed − (trend + seasonal)| with h = 6 × median
    /// (<c>rwts</c>).</summary>
    public void UpdateRobustnessWeights()
    {
        double[] absolute = RobustnessWeights;
        for (int i = 0; i < _count; i++)
            absolute[i] = Math.Abs(_observed[i] - (Trend[i] + Seasonal[i]));
        double[] sorted = (double[])absolute.Clone();
        Array.Sort(sorted);
        int middle = _count / 2;
        double scale = 3.0 * (sorted[middle] + sorted[_count - middle - 1]);
        if (scale == 0)
        {
            Array.Fill(absolute, 1.0);
            return;
        }
        double upper = 0.999 * scale,
            lower = 0.001 * scale;
        for (int i = 0; i < _count; i++)
        {
            absolute[i] =
                absolute[i] <= lower ? 1.0
                : absolute[i] <= upper ? Square(1.0 - Square(absolute[i] / scale))
                : 0.0;
        }
    }

    /// <summary>x², as the reference's compiled <c>x ** 2</c> (an exact single multiplication).</summary>
    private static double Square(double value) => value * value;
}
