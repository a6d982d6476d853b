using SecurityML.Charts;
using SecurityML.Data;
using SecurityML.Detection.TimeSeries;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>The decomposition chart of the demo outbound-bytes series, as notebook 05 draws it.</summary>
public sealed class TimeSeriesChartsTests
{
    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Fact]
    public void Labels_both_byte_panels_in_binary_units_and_the_time_axis_with_iso_dates()
    {
        var series = TimeSeriesPoints.From(Provider.OutboundBytes(), r => r.TimeGenerated, r => r.TotalBytesSent);
        var model = new StlAnomalyDetector().Fit(series);

        Figure figure = TimeSeriesCharts.Decomposition(model, valueUnit: ValueUnit.Bytes);

        foreach (Axis axis in new[] { figure.Layout.YAxis!, figure.Layout.YAxis2! })
        {
            axis.Title.Should().EndWith("(bytes)");
            axis.TickText.Should()
                .NotBeEmpty()
                .And.OnlyContain(
                    label => label == "0" || label!.EndsWith("iB"),
                    "binary units, never plotly's 1B for a billion"
                );
        }
        figure.Layout.YAxis!.TickText.Should().Contain(label => label!.EndsWith(" MiB"), "the demo peaks near 1 GiB");
        figure
            .Layout.YAxis2!.TickText.Should()
            .Contain(label => label!.StartsWith('-'), "the seasonal shape dips below 0");
        figure.Layout.XAxis!.Type.Should().Be(AxisType.Date);
        figure.Layout.XAxis.HoverFormat.Should().Be(ChartAxes.DateTimeHoverFormat);
    }

    [Fact]
    public void Keeps_plain_value_axes_without_a_unit()
    {
        var series = TimeSeriesPoints.From(Provider.OutboundBytes(), r => r.TimeGenerated, r => r.TotalBytesSent);

        Figure figure = TimeSeriesCharts.Decomposition(new StlAnomalyDetector().Fit(series));

        figure.Layout.YAxis!.Title.Should().Be("observed and trend");
        figure.Layout.YAxis.TickText.Should().BeNull();
        figure.Layout.YAxis.ExponentFormat.Should().Be("SI");
    }
}
