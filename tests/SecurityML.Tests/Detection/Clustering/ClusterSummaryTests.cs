using SecurityML.Detection.Clustering;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>The one-row-per-cluster summary, worked by hand from msticpy's _merge_clustered_items.</summary>
public sealed class ClusterSummaryTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, int Hour)[] Items =
    [
        ("a", 5),
        ("n1", 9),
        ("b", 1),
        ("a2", 2),
        ("n2", 3),
        ("b2", 7),
        ("a3", 4),
    ];

    private static readonly int[] Labels = [0, -1, 1, 0, -1, 1, 0];

    private static IReadOnlyList<ClusterSummaryRow<(string Name, int Hour)>> Summary(
        NoiseEventTimes noise = NoiseEventTimes.WholeNoiseSet
    ) => ClusterSummary.Summarize(Items, Labels, item => Start.AddHours(item.Hour), noise);

    [Fact]
    public void Noise_rows_come_first_then_one_row_per_cluster_with_its_first_member()
    {
        var summary = Summary();

        summary
            .Select(row => (row.Item.Name, row.Index, row.ClusterId, row.ClusterSize, row.Clustered))
            .Should()
            .Equal(("n1", 1, -1, 1, false), ("n2", 4, -1, 1, false), ("a", 0, 0, 3, true), ("b", 2, 1, 2, true));
        summary.Select(row => row.Rarity).Should().Equal(1, 1, 1.0 / 3, 0.5);
        summary[2].FirstEventTime.Should().Be(Start.AddHours(2));
        summary[2].LastEventTime.Should().Be(Start.AddHours(5));
    }

    [Fact]
    public void Noise_times_are_those_of_the_whole_noise_set_as_msticpy_or_each_rows_own()
    {
        Summary()
            .Take(2)
            .Select(row => (row.FirstEventTime, row.LastEventTime))
            .Should()
            .Equal((Start.AddHours(3), Start.AddHours(9)), (Start.AddHours(3), Start.AddHours(9)));
        Summary(NoiseEventTimes.OwnEvent)
            .Take(2)
            .Select(row => (row.FirstEventTime, row.LastEventTime))
            .Should()
            .Equal((Start.AddHours(9), Start.AddHours(9)), (Start.AddHours(3), Start.AddHours(3)));
    }

    [Fact]
    public void Rarest_keeps_small_clusters_rarest_first_then_by_time()
    {
        ClusterSummary
            .Rarest(Summary(NoiseEventTimes.OwnEvent), maximumClusterSize: 2)
            .Select(row => row.Item.Name)
            .Should()
            .Equal("n2", "n1", "b");
        FluentActions
            .Invoking(() => ClusterSummary.Rarest(Summary(), 0))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*at least 1; received 0*");
    }

    [Fact]
    public void Mismatched_or_invalid_labels_are_rejected()
    {
        FluentActions
            .Invoking(() => ClusterSummary.Summarize(Items, [0, 1], item => Start))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("labels")
            .WithMessage("*one label per item (7); received 2*");
        FluentActions
            .Invoking(() => ClusterSummary.Summarize(Items, [0, -2, 0, 0, 0, 0, 0], item => Start))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("labels[1] is -2*");
        ClusterSummary.Summarize(Array.Empty<string>(), [], item => Start).Should().BeEmpty();
    }
}
