using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class ClusterChartTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [10, 20, 30, 40, 50];
    private static readonly int[] Labels = [1, 0, -1, 1, 0];
    private static readonly string[] Hosts = ["h1", "h2", "<h3>", "h4", "h5"];

    [Fact]
    public void Draws_one_marker_trace_per_cluster_with_noise_named_and_grey()
    {
        JsonElement root = FigureJsonReading.Parse(Chart.ClusterScatter(X, Y, Labels, Hosts));

        root.TraceNames().Should().Equal("noise", "cluster 0", "cluster 1");
        root.Trace(0).GetProperty("x").Numbers().Should().Equal(3);
        root.Trace(0).GetProperty("hovertext").Strings().Should().Equal("&lt;h3&gt;");
        root.Trace(0).GetProperty("marker").Text("color").Should().Be(ChartColors.Reference);
        root.Trace(1).GetProperty("x").Numbers().Should().Equal(2, 5);
        root.Trace(1).GetProperty("y").Numbers().Should().Equal(20, 50);
        root.Trace(1).GetProperty("hovertext").Strings().Should().Equal("h2", "h5");
        root.Trace(2).GetProperty("x").Numbers().Should().Equal(1, 4);
        root.Trace(1).GetProperty("marker").Text("color").Should().Be(ChartColors.Clusters[0]);
        root.Trace(2).GetProperty("marker").Text("color").Should().Be(ChartColors.Clusters[1]);
        ChartColors.Clusters.Should().NotContain([ChartColors.Anomaly, ChartColors.Reference]);
        root.GetProperty("data").EnumerateArray().Select(trace => trace.Text("mode")).Should().AllBe("markers");
        root.GetProperty("data").EnumerateArray().Select(trace => trace.Text("type")).Should().AllBe("scatter");
    }

    [Fact]
    public void Draws_3d_clusters_in_a_scene()
    {
        double[] z = [7, 8, 9, 10, 11];

        JsonElement root = FigureJsonReading.Parse(Chart.ClusterScatter3D(X, Y, z, Labels));

        root.TraceNames().Should().Equal("noise", "cluster 0", "cluster 1");
        root.Trace(2).Text("type").Should().Be("scatter3d");
        root.Trace(2).GetProperty("z").Numbers().Should().Equal(7, 10);
        root.Trace(2).TryGetProperty("hovertext", out _).Should().BeFalse();
        root.Layout().GetProperty("scene").GetProperty("zaxis").TitleText().Should().Be("z");
        SceneAssertions.ShouldFitItsFigure(root.Layout());
    }

    [Fact]
    public void Draws_nothing_for_no_points()
    {
        Chart.ClusterScatter([], [], []).Data.Should().BeEmpty();
    }

    [Fact]
    public void Rejects_lists_without_one_value_per_point()
    {
        Action labels = () => Chart.ClusterScatter(X, Y, [0, 1]);
        Action hover = () => Chart.ClusterScatter(X, Y, Labels, ["only one"]);
        Action z = () => Chart.ClusterScatter3D(X, Y, [1.0], Labels);

        labels.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("clusterLabels");
        hover
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 5 values in 'hoverTexts'*received 1*")
            .Which.ParamName.Should()
            .Be("hoverTexts");
        z.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("z");
    }
}
