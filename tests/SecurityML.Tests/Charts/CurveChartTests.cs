using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class CurveChartTests
{
    [Fact]
    public void Draws_a_roc_curve_with_the_chance_diagonal_and_the_given_auc_in_the_title()
    {
        // The chart draws the points in the order given and shows the area the metric computed; it computes none.
        JsonElement root = FigureJsonReading.Parse(
            Chart.RocCurve([1, 0, 0.5, 0], [1, 0.5, 1, 0], areaUnderCurve: 0.875)
        );

        root.Layout().TitleText().Should().Be("ROC curve (AUC = 0.875)");
        root.TraceNames().Should().Equal("ROC", "chance");
        root.Trace(0).GetProperty("x").Numbers().Should().Equal(1, 0, 0.5, 0);
        root.Trace(1).GetProperty("x").Numbers().Should().Equal(0, 1);
        root.Trace(1).GetProperty("y").Numbers().Should().Equal(0, 1);
        root.Trace(1).GetProperty("line").Text("dash").Should().Be("dash");
        root.Layout().GetProperty("xaxis").TitleText().Should().Be("false positive rate");
        root.Layout().GetProperty("yaxis").GetProperty("range").Numbers().Should().Equal(-0.01, 1.01);
    }

    [Fact]
    public void Shows_a_given_auc()
    {
        Chart
            .RocCurve([0, 1], [0, 1], areaUnderCurve: 0.9, title: "Isolation forest")
            .Layout.Title.Should()
            .Be("Isolation forest (AUC = 0.900)");
    }

    [Fact]
    public void Leaves_out_the_chance_line_without_a_positive_rate()
    {
        Figure figure = Chart.PrecisionRecallCurve([0, 1], [1, 0.4], averagePrecision: 0.75);

        figure.Data.Should().ContainSingle();
        figure.Layout.Title.Should().Be("Precision-recall curve (AP = 0.750)");
    }

    [Fact]
    public void Rejects_mismatched_lengths_single_points_and_rates_outside_zero_to_one()
    {
        Action lengths = () => Chart.RocCurve([0, 0.5, 1], [0, 1], areaUnderCurve: 0.5);
        Action onePoint = () => Chart.RocCurve([0], [0], areaUnderCurve: 0.5);
        Action outside = () => Chart.RocCurve([0, 1], [0, 1.5], areaUnderCurve: 0.5);
        Action area = () => Chart.RocCurve([0, 1], [0, 1], areaUnderCurve: 2);
        Action positiveRate = () =>
            Chart.PrecisionRecallCurve([0, 1], [1, 0.5], averagePrecision: 0.5, positiveRate: -0.1);
        Action precision = () => Chart.PrecisionRecallCurve([0, 1], [1, double.NaN], averagePrecision: 0.5);

        lengths
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 3 values in 'truePositiveRates'*received 2*")
            .Which.ParamName.Should()
            .Be("truePositiveRates");
        onePoint
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected at least 2 values*received 1*")
            .Which.ParamName.Should()
            .Be("falsePositiveRates");
        outside
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*[0, 1], received 1.5 at index 1*")
            .Which.ParamName.Should()
            .Be("truePositiveRates");
        area.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("areaUnderCurve");
        positiveRate.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("positiveRate");
        precision.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("precisions");
    }
}
