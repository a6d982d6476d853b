using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class ScoreDistributionChartTests
{
    [Fact]
    public void Draws_one_histogram_of_the_scores_without_overlay_or_threshold()
    {
        JsonElement root = FigureJsonReading.Parse(Chart.ScoreDistribution([0.1, 0.4, 0.45, double.NaN]));

        root.GetProperty("data").GetArrayLength().Should().Be(1);
        JsonElement histogram = root.Trace(0);
        histogram.Text("type").Should().Be("histogram");
        histogram.Text("name").Should().Be("scores");
        histogram.GetProperty("x")[2].GetDouble().Should().Be(0.45);
        histogram.GetProperty("x")[3].ValueKind.Should().Be(JsonValueKind.Null);
        histogram.GetProperty("marker").Text("color").Should().Be(ChartColors.Normal);
        histogram.TryGetProperty("opacity", out _).Should().BeFalse();
        root.Layout().TryGetProperty("barmode", out _).Should().BeFalse();
        root.Layout().TryGetProperty("shapes", out _).Should().BeFalse();
        root.Layout().TitleText().Should().Be("Score distribution");
        root.Layout().GetProperty("yaxis").TitleText().Should().Be("count");
    }

    [Fact]
    public void Overlays_abnormal_scores_on_shared_bins_and_marks_the_threshold()
    {
        Figure figure = Chart.ScoreDistribution(
            [0.1, 0.2, 0.3],
            abnormalScores: [0.8, 0.9],
            threshold: 0.7,
            numberOfBins: 40,
            abnormalScoresName: "planted"
        );

        JsonElement root = FigureJsonReading.Parse(figure);

        root.TraceNames().Should().Equal("scores", "planted", "planted (one mark each)");
        root.Trace(1).GetProperty("x").Numbers().Should().Equal(0.8, 0.9);
        root.Trace(1).GetProperty("marker").Text("color").Should().Be(ChartColors.Anomaly);
        foreach (JsonElement histogram in root.GetProperty("data").EnumerateArray().Take(2))
        {
            histogram.GetProperty("opacity").GetDouble().Should().Be(Chart.OverlaidHistogramOpacity);
            histogram.Text("bingroup").Should().Be("scores");
        }
        root.Trace(0).GetProperty("nbinsx").GetInt32().Should().Be(40);
        root.Trace(1).TryGetProperty("nbinsx", out _).Should().BeFalse("the bin group follows its first trace");
        root.Layout().Text("barmode").Should().Be("overlay");
        JsonElement shape = root.Layout().GetProperty("shapes").EnumerateArray().Single();
        shape.Text("type").Should().Be("line");
        shape.Text("xref").Should().Be("x");
        shape.Text("yref").Should().Be("paper");
        new[] { "x0", "x1" }.Select(name => shape.GetProperty(name).GetDouble()).Should().Equal(0.7, 0.7);
        new[] { "y0", "y1" }.Select(name => shape.GetProperty(name).GetDouble()).Should().Equal(0, 1);
        JsonElement label = root.Layout().GetProperty("annotations").EnumerateArray().Single();
        label.Text("text").Should().Be("threshold 0.7");
        label.GetProperty("x").GetDouble().Should().Be(0.7);
        label.GetProperty("showarrow").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Marks_each_abnormal_score_in_a_strip_below_the_bars_so_a_few_stay_visible()
    {
        // 2,000 normal scores against 3 planted ones: an overlaid bar of height 1 is a sliver beside bars of
        // hundreds, so each planted score also gets its own mark.
        double[] normal = Enumerable.Range(0, 2000).Select(index => Math.Sin(index) * 0.3).ToArray();
        double[] planted = [0.85, 0.9, 0.97];

        JsonElement root = FigureJsonReading.Parse(
            Chart.ScoreDistribution(normal, planted, threshold: 0.7, abnormalScoresName: "planted")
        );

        JsonElement rug = root.Trace(2);
        rug.Text("type").Should().Be("scatter");
        rug.Text("mode").Should().Be("markers");
        rug.GetProperty("x").Numbers().Should().Equal(planted);
        rug.GetProperty("y").Numbers().Should().Equal(0, 0, 0);
        rug.Text("yaxis").Should().Be("y2");
        rug.GetProperty("marker").GetProperty("size").GetDouble().Should().BeGreaterThanOrEqualTo(6);
        rug.GetProperty("marker").Text("color").Should().Be(ChartColors.Anomaly);
        rug.Text("legendgroup").Should().Be("planted").And.Be(root.Trace(1).Text("legendgroup"));
        JsonElement layout = root.Layout();
        layout.GetProperty("xaxis").Text("anchor").Should().Be("y2", "the score axis is drawn below the strip");
        double[] strip = layout.GetProperty("yaxis2").GetProperty("domain").Numbers();
        double[] bars = layout.GetProperty("yaxis").GetProperty("domain").Numbers();
        strip.Should().Equal(0, Chart.RugPanelFraction);
        bars[0].Should().BeGreaterThan(strip[1], "the strip and the bars do not overlap");
        layout.GetProperty("yaxis2").GetProperty("range").Numbers().Should().Equal(-1, 1);
        layout.GetProperty("yaxis2").GetProperty("showticklabels").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Draws_no_strip_without_abnormal_scores()
    {
        JsonElement layout = FigureJsonReading.Parse(Chart.ScoreDistribution([0.1, 0.2])).Layout();

        layout.TryGetProperty("yaxis2", out _).Should().BeFalse();
        layout.GetProperty("xaxis").TryGetProperty("anchor", out _).Should().BeFalse();
    }

    [Fact]
    public void Rejects_a_non_finite_threshold_and_fewer_than_one_bin()
    {
        Action nanThreshold = () => Chart.ScoreDistribution([0.1], threshold: double.NaN);
        Action noBins = () => Chart.ScoreDistribution([0.1], numberOfBins: 0);
        Action noScores = () => Chart.ScoreDistribution(null!);

        nanThreshold.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("threshold");
        noBins.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("numberOfBins");
        noScores.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("scores");
    }
}
