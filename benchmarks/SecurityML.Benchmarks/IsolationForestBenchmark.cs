using BenchmarkDotNet.Attributes;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Benchmarks;

/// <summary>
/// Fits an isolation forest of 100 trees (max_samples "auto" = 256, contamination "auto") on 1,000,000 rows of 6
/// features and scores the same rows (<see cref="IsolationForestModel.ScoreSamples"/>), as scikit-learn's
/// <c>IsolationForest().fit(X)</c> and <c>score_samples(X)</c>. Rows: two Gaussian-like clusters plus 1 % scattered
/// outliers, seeded.
/// </summary>
[MemoryDiagnoser]
public class IsolationForestBenchmark
{
    private const int Rows = 1_000_000;
    private const int Features = 6;
    private double[][] _rows = [];
    private IsolationForestModel _model = null!;

    /// <summary>Makes the rows and a fitted model for the scoring benchmark.</summary>
    [GlobalSetup]
    public void CreateData()
    {
        var random = new Random(20240304);
        _rows = new double[Rows][];
        for (int row = 0; row < Rows; row++)
        {
            double centre =
                row % 100 == 0 ? 0
                : row % 2 == 0 ? -2
                : 3;
            double spread = row % 100 == 0 ? 8 : 1;
            _rows[row] = Enumerable
                .Range(0, Features)
                .Select(_ =>
                    centre + (spread * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5))
                )
                .ToArray();
        }
        _model = Fit();
    }

    /// <summary>Grows 100 trees on 256-row subsamples of the million rows.</summary>
    [Benchmark]
    public IsolationForestModel Fit() =>
        new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 100 }).Fit(_rows);

    /// <summary>scikit-learn's score_samples over the million rows, all cores.</summary>
    [Benchmark]
    public double[] ScoreSamples() => _model.ScoreSamples(_rows);
}
