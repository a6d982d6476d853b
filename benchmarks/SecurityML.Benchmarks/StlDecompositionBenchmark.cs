using BenchmarkDotNet.Attributes;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Benchmarks;

/// <summary>
/// STL on 100,000 hourly points (period 24, seasonal 7, derived trend 47 and low-pass 25), non-robust (5 inner
/// passes) and robust (2 inner × 16 outer passes), and the whole anomaly detector (checks, STL, z-scores, rows).
/// The anchor is statsmodels 0.13.5 <c>STL(y, period=24[, robust=True]).fit()</c> on the same kind of series on
/// this machine (see docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class StlDecompositionBenchmark
{
    private const int PointCount = 100_000;
    private double[] _values = [];
    private List<TimeSeriesPoint> _points = [];

    /// <summary>Whether to run the robust variant.</summary>
    [Params(false, true)]
    public bool Robust { get; set; }

    /// <summary>10 + 0.001 t + 3 sin(2πt/24) + standard normal noise (seed 1), as the statsmodels timing
    /// script.</summary>
    [GlobalSetup]
    public void CreateSeries()
    {
        var random = new Random(1);
        _values = new double[PointCount];
        for (int t = 0; t < PointCount; t++)
        {
            double normal =
                Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _values[t] = 10 + 0.001 * t + 3 * Math.Sin(2 * Math.PI * t / 24) + normal;
        }
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _points = _values.Select((value, t) => new TimeSeriesPoint(start.AddHours(t), value)).ToList();
    }

    /// <summary>The decomposition alone.</summary>
    [Benchmark]
    public double Decompose() => StlDecomposition.Compute(_values, new StlOptions { Robust = Robust }).Trend[^1];

    /// <summary>The detector: input checks, decomposition and scoring of every point.</summary>
    [Benchmark]
    public int FitDetector() =>
        new StlAnomalyDetector(new StlAnomalyOptions { Decomposition = new StlOptions { Robust = Robust } })
            .Fit(_points)
            .Anomalies.Count;
}
