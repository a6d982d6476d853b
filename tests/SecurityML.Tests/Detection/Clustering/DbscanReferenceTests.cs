using System.Globalization;
using SecurityML.Detection.Clustering;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>
/// Labels and core points against scikit-learn 1.2.1 (Debian python3-sklearn): Reference/dbscan-reference.csv was
/// written by a throwaway script: five Gaussian blobs and uniform noise in 3-D (numpy default_rng, rounded to 4
/// decimals), exact duplicates, an all-zero row, and a border point (row 0) within eps of a core point of two
/// clusters; columns are sklearn.cluster.DBSCAN(eps=0.5, min_samples=5) on the raw rows and DBSCAN(eps=0.05,
/// min_samples=4) on Normalizer().fit_transform(rows) (msticpy's path). No pair distance lies within 6e-5 (relative)
/// of eps, so rounding cannot flip a neighbourhood.
/// </summary>
public sealed class DbscanReferenceTests
{
    private static readonly string ReferencePath = Path.Combine(
        RepositoryPaths.Root,
        "tests",
        "SecurityML.Tests",
        "Detection",
        "Clustering",
        "Reference",
        "dbscan-reference.csv"
    );

    private static (
        double[][] Rows,
        int[] RawLabels,
        bool[] RawCore,
        int[] NormalizedLabels,
        bool[] NormalizedCore
    ) Reference()
    {
        var lines = File.ReadAllLines(ReferencePath).Skip(1).Select(line => line.Split(',')).ToArray();
        double[][] rows = lines
            .Select(cells => cells.Take(3).Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        int[] Column(int index) =>
            lines.Select(cells => int.Parse(cells[index], CultureInfo.InvariantCulture)).ToArray();
        return (
            rows,
            Column(3),
            Column(4).Select(flag => flag == 1).ToArray(),
            Column(5),
            Column(6).Select(flag => flag == 1).ToArray()
        );
    }

    [Fact]
    public void Raw_rows_give_scikit_learns_labels_and_core_points()
    {
        var reference = Reference();

        var result = Dbscan.Cluster(
            reference.Rows,
            new DbscanOptions
            {
                MaximumDistance = 0.5,
                MinimumSamples = 5,
                NormalizeRows = false,
            }
        );

        result.Labels.Should().Equal(reference.RawLabels);
        result.IsCore.Should().Equal(reference.RawCore);
        result.ClusterCount.Should().Be(reference.RawLabels.Max() + 1);
        result.Labels[0].Should().Be(0, "the shared border point joins the first cluster found, not the second");
        result.IsCore[0].Should().BeFalse();
    }

    [Fact]
    public void Normalized_rows_give_scikit_learns_labels_as_msticpy_calls_it()
    {
        var reference = Reference();

        var result = Dbscan.Cluster(reference.Rows, new DbscanOptions { MaximumDistance = 0.05, MinimumSamples = 4 });

        result.Labels.Should().Equal(reference.NormalizedLabels);
        result.IsCore.Should().Equal(reference.NormalizedCore);
        result
            .ClusteredData.Should()
            .OnlyContain(row => row.All(value => value == 0) || Math.Abs(row.Sum(value => value * value) - 1) < 1e-12);
    }
}
