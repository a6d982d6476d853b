using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class ChartAxesTests
{
    [Theory]
    [InlineData(new[] { 0.0, 900.0 }, "B")]
    [InlineData(new[] { 2_000.0, 900_000.0 }, "KiB")]
    [InlineData(new[] { 5e6, 8e8 }, "MiB")]
    [InlineData(new[] { 1.1e9, 3.9e9 }, "GiB")]
    public void Labels_byte_ticks_in_the_largest_binary_unit_that_fits(double[] values, string unit)
    {
        Axis axis = ChartAxes.Bytes("bytes", values);

        axis.TickText.Should().NotBeEmpty().And.OnlyContain(label => label == "0" || label!.EndsWith(" " + unit));
        axis.TickValues.Should().HaveCount(axis.TickText!.Count).And.BeInAscendingOrder();
        axis.TickText!.Count.Should().BeInRange(3, 2 * ChartAxes.TargetByteTicks + 2);
        axis.TickValues![0].Should().BeLessThanOrEqualTo(values.Min());
        axis.TickValues[^1].Should().BeGreaterThanOrEqualTo(values.Max(), "a tick beyond the largest value");
    }

    [Fact]
    public void Places_each_byte_tick_where_its_label_says()
    {
        Axis axis = ChartAxes.Bytes("bytes", [0, 3 * 1024.0 * 1024 * 1024]);

        for (int index = 0; index < axis.TickValues!.Count; index++)
        {
            string label = axis.TickText![index]!;
            double value =
                label == "0"
                    ? 0
                    : double.Parse(label.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
                        * Math.Pow(1024, 3);
            axis.TickValues[index].Should().BeApproximately(value, 1e-6 * Math.Abs(value) + 1e-9, label);
        }
        axis.TickText.Should().Contain("1.0 GiB").And.Contain("3.0 GiB");
    }

    [Fact]
    public void Writes_enough_decimals_for_a_narrow_byte_range_and_handles_negatives()
    {
        Axis narrow = ChartAxes.Bytes("bytes", [1.50 * Math.Pow(1024, 3), 1.51 * Math.Pow(1024, 3)]);
        narrow.TickText.Should().OnlyHaveUniqueItems("labels differ where ticks differ");

        Axis seasonal = ChartAxes.Bytes("seasonal", [-300e6, 200e6]);
        seasonal.TickText.Should().Contain(label => label!.StartsWith('-') && label.EndsWith(" MiB")).And.Contain("0");
    }

    [Fact]
    public void Leaves_ticks_to_plotly_when_no_byte_value_is_finite()
    {
        Axis axis = ChartAxes.Bytes("bytes", [double.NaN, double.PositiveInfinity]);

        axis.TickValues.Should().BeNull();
        axis.Title.Should().Be("bytes");
        axis.HoverFormat.Should().Be(",.0f");
    }

    [Fact]
    public void Writes_probabilities_as_powers_of_ten_on_a_log_axis()
    {
        var figure = new Figure();
        figure.Layout.YAxis = ChartAxes.Probability("likelihood");

        JsonElement yAxis = FigureJsonReading.Parse(figure).Layout().GetProperty("yaxis");

        yAxis.Text("type").Should().Be("log");
        yAxis.Text("exponentformat").Should().Be("power", "plotly's default writes 1e-4 as 100µ");
        yAxis.Text("hoverformat").Should().Be(".3e");
    }

    [Fact]
    public void Shows_days_alone_on_hover_of_a_daily_axis()
    {
        Axis axis = ChartAxes.Days("day (UTC)");

        axis.Type.Should().Be(AxisType.Date);
        axis.HoverFormat.Should().Be("%Y-%m-%d");
        axis.TickFormatStops.Should().Contain(stop => stop.Value == "%Y-%m-%d");
    }
}
