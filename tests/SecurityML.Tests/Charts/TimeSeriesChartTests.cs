using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class TimeSeriesChartTests
{
    private static readonly DateTimeOffset[] Times =
    [
        new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
        new(2024, 5, 1, 1, 0, 0, TimeSpan.Zero),
        new(2024, 5, 1, 4, 0, 0, TimeSpan.FromHours(2)),
        new(2024, 5, 1, 3, 0, 0, TimeSpan.Zero),
    ];

    private static readonly double[] Values = [10, 12, 95, 11];

    [Fact]
    public void Draws_only_the_observed_line_on_a_date_axis_by_default()
    {
        JsonElement root = FigureJsonReading.Parse(Chart.TimeSeriesWithAnomalies(Times, Values));

        root.TraceNames().Should().Equal("observed");
        root.Trace(0).Text("mode").Should().Be("lines");
        root.Trace(0)
            .GetProperty("x")
            .Strings()
            .Should()
            .Equal("2024-05-01T00:00:00Z", "2024-05-01T01:00:00Z", "2024-05-01T02:00:00Z", "2024-05-01T03:00:00Z");
        root.Trace(0).GetProperty("y").Numbers().Should().Equal(Values);
        root.Layout().GetProperty("xaxis").Text("type").Should().Be("date");
        root.Layout().GetProperty("xaxis").TryGetProperty("anchor", out _).Should().BeFalse();
        root.Layout().TryGetProperty("yaxis2", out _).Should().BeFalse();
    }

    [Fact]
    public void Labels_time_ticks_and_hover_with_iso_dates()
    {
        JsonElement xAxis = FigureJsonReading
            .Parse(Chart.TimeSeriesWithAnomalies(Times, Values))
            .Layout()
            .GetProperty("xaxis");

        xAxis.TitleText().Should().Be("time (UTC)");
        xAxis.Text("hoverformat").Should().Be("%Y-%m-%d %H:%M");
        JsonElement[] stops = xAxis.GetProperty("tickformatstops").EnumerateArray().ToArray();
        stops.Select(stop => stop.Text("value")).Should().Equal("%Y-%m-%d %H:%M", "%Y-%m-%d");
        stops[0].GetProperty("dtickrange")[0].ValueKind.Should().Be(JsonValueKind.Null);
        stops[0].GetProperty("dtickrange")[1].GetDouble().Should().Be(86_400_000, "a day in milliseconds");
        stops[1].GetProperty("dtickrange")[1].ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Writes_byte_values_in_binary_units_with_the_axis_title_given()
    {
        double[] bytes = [1.2e9, 1.5e9, 3.9e9, 1.1e9];

        JsonElement yAxis = FigureJsonReading
            .Parse(
                Chart.TimeSeriesWithAnomalies(
                    Times,
                    bytes,
                    valueTitle: "bytes sent per hour",
                    valueUnit: ValueUnit.Bytes
                )
            )
            .Layout()
            .GetProperty("yaxis");

        yAxis.TitleText().Should().Be("bytes sent per hour");
        string?[] labels = yAxis.GetProperty("ticktext").Strings();
        labels.Should().OnlyContain(label => label!.EndsWith(" GiB"), "3.9e9 bytes is 3.6 GiB");
        labels.Should().NotContain(label => label!.Contains('B') && !label.Contains("iB"));
        yAxis.GetProperty("tickvals").GetArrayLength().Should().Be(labels.Length);
        yAxis.Text("hoverformat").Should().Be(",.0f", "hover shows the exact byte count");
    }

    [Fact]
    public void Keeps_the_default_value_axis_title_without_billion_as_b()
    {
        JsonElement yAxis = FigureJsonReading
            .Parse(Chart.TimeSeriesWithAnomalies(Times, Values))
            .Layout()
            .GetProperty("yaxis");

        yAxis.TitleText().Should().Be(Chart.DefaultValueTitle);
        yAxis.Text("exponentformat").Should().Be("SI");
        yAxis.TryGetProperty("ticktext", out _).Should().BeFalse();
    }

    [Fact]
    public void Marks_anomalies_and_adds_a_score_panel_sharing_the_time_axis()
    {
        Figure figure = Chart.TimeSeriesWithAnomalies(
            Times,
            Values,
            isAnomaly: [false, false, true, false],
            baseline: [11, 11, 11, 11],
            scores: [0.1, 0.2, 0.95, 0.15],
            scoreThreshold: 0.8
        );

        JsonElement root = FigureJsonReading.Parse(figure);

        root.TraceNames().Should().Equal("observed", "baseline", "anomalies", "anomaly score");
        root.Trace(1).GetProperty("line").Text("dash").Should().Be("dash");
        JsonElement anomalies = root.Trace(2);
        anomalies.Text("mode").Should().Be("markers");
        anomalies.GetProperty("x").Strings().Should().Equal("2024-05-01T02:00:00Z");
        anomalies.GetProperty("y").Numbers().Should().Equal(95);
        anomalies.GetProperty("marker").Text("color").Should().Be(ChartColors.Anomaly);
        root.Trace(3).Text("yaxis").Should().Be("y2");
        root.Trace(3).GetProperty("y").Numbers().Should().Equal(0.1, 0.2, 0.95, 0.15);
        root.Trace(0).TryGetProperty("yaxis", out _).Should().BeFalse();
        JsonElement layout = root.Layout();
        layout.GetProperty("xaxis").Text("anchor").Should().Be("y2");
        layout.GetProperty("yaxis").GetProperty("domain").Numbers().Should().Equal(0.32, 1);
        layout.GetProperty("yaxis2").GetProperty("domain").Numbers().Should().Equal(0, 0.25);
        layout.GetProperty("yaxis2").Text("anchor").Should().Be("x");
        layout.GetProperty("yaxis2").TitleText().Should().Be("score");
        JsonElement threshold = layout.GetProperty("shapes").EnumerateArray().Single();
        threshold.Text("xref").Should().Be("paper");
        threshold.Text("yref").Should().Be("y2");
        threshold.GetProperty("y0").GetDouble().Should().Be(0.8);
        layout.GetProperty("annotations")[0].Text("text").Should().Be("threshold 0.8");
    }

    [Fact]
    public void Keeps_an_empty_anomaly_trace_when_nothing_is_flagged()
    {
        JsonElement root = FigureJsonReading.Parse(
            Chart.TimeSeriesWithAnomalies(Times, Values, isAnomaly: [false, false, false, false])
        );

        root.Trace(1).Text("name").Should().Be("anomalies");
        root.Trace(1).GetProperty("x").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("values")]
    [InlineData("isAnomaly")]
    [InlineData("baseline")]
    [InlineData("scores")]
    public void Rejects_a_list_without_one_value_per_time(string parameterName)
    {
        Action build = () =>
            Chart.TimeSeriesWithAnomalies(
                Times,
                parameterName == "values" ? [1.0, 2.0] : Values,
                isAnomaly: parameterName == "isAnomaly" ? [true] : null,
                baseline: parameterName == "baseline" ? [1.0, 2.0, 3.0, 4.0, 5.0] : null,
                scores: parameterName == "scores" ? [] : null
            );

        ArgumentException exception = build.Should().Throw<ArgumentException>().Which;
        exception.ParamName.Should().Be(parameterName);
        exception
            .Message.Should()
            .Contain("Expected 4 values")
            .And.Contain("'times'")
            .And.MatchRegex("received [0-9]+");
    }

    [Fact]
    public void Rejects_a_score_threshold_without_scores()
    {
        Action build = () => Chart.TimeSeriesWithAnomalies(Times, Values, scoreThreshold: 0.5);

        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("scoreThreshold");
    }
}
