using System.Globalization;
using BenchmarkDotNet.Attributes;
using SecurityML.Detection.Clustering;

namespace SecurityML.Benchmarks;

/// <summary>
/// DBSCAN on 50,000 rows × 4 features (the anchor: scikit-learn ≈ 0.4 s): 20 Gaussian blobs (σ 0.5, centres
/// uniform in [0, 10]⁴) and 10 % uniform noise, drawn with SplitMix64 (seed 42) and Box–Muller so that a Python
/// script can rebuild the same rows for scikit-learn; eps 0.3, min_samples 5, raw rows (scikit-learn's defaults
/// otherwise), and the same rows normalised to unit length with eps 0.01 (msticpy's path).
/// </summary>
[MemoryDiagnoser]
public class DbscanBenchmark
{
    private const int RowCount = 50_000;
    private const int Width = 4;
    private const int Centres = 20;
    private double[][] _rows = [];

    /// <summary>Whether rows are normalised first (msticpy) or clustered raw (scikit-learn's default).</summary>
    [Params(false, true)]
    public bool NormalizeRows { get; set; }

    /// <summary>Draws the rows and prints the cluster and noise counts once, to compare with scikit-learn's.</summary>
    [GlobalSetup]
    public void Draw()
    {
        _rows = Rows();
        var result = Cluster();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"// DBSCAN NormalizeRows={NormalizeRows}: {result.ClusterCount} clusters, {result.NoiseCount} "
            ) + string.Create(CultureInfo.InvariantCulture, $"noise rows")
        );
    }

    /// <summary>Clusters the rows; returns the number of clusters.</summary>
    [Benchmark]
    public int ClusterFiftyThousandRows() => Cluster().ClusterCount;

    private DbscanResult Cluster() =>
        Dbscan.Cluster(
            _rows,
            new DbscanOptions
            {
                MaximumDistance = NormalizeRows ? 0.01 : 0.3,
                MinimumSamples = 5,
                NormalizeRows = NormalizeRows,
            }
        );

    private static double[][] Rows()
    {
        var random = new SplitMix64(42);
        var centres = Enumerable
            .Range(0, Centres)
            .Select(_ => Enumerable.Range(0, Width).Select(_ => random.Uniform() * 10).ToArray())
            .ToArray();
        var rows = new double[RowCount][];
        for (int row = 0; row < RowCount; row++)
        {
            if (random.Uniform() < 0.1)
            {
                rows[row] = Enumerable.Range(0, Width).Select(_ => random.Uniform() * 10).ToArray();
                continue;
            }
            double[] centre = centres[(int)(random.Uniform() * Centres)];
            rows[row] = centre.Select(value => value + 0.5 * random.Normal()).ToArray();
        }
        return rows;
    }

    private sealed class SplitMix64(ulong state)
    {
        private ulong _state = state;

        public double Uniform() => (Next() >> 11) * (1.0 / (1UL << 53));

        public double Normal()
        {
            double first = 1.0 - Uniform(),
                second = Uniform();
            return Math.Sqrt(-2 * Math.Log(first)) * Math.Cos(2 * Math.PI * second);
        }

        private ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
