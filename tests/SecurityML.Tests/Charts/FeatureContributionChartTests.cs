using System.Globalization;
using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class FeatureContributionChartTests
{
    private static readonly string[] Names = ["logons", "hosts", "hour", "failures"];
    private static readonly double[] Contributions = [0.1, -0.5, 0.3, -0.05];

    [Fact]
    public void Orders_bars_by_absolute_contribution_with_the_largest_on_top_and_colours_by_sign()
    {
        JsonElement root = FigureJsonReading.Parse(Chart.FeatureContributions(Names, Contributions));

        JsonElement yAxis = root.Layout().GetProperty("yaxis");
        yAxis.Text("categoryorder").Should().Be("array");
        yAxis.GetProperty("categoryarray").Strings().Should().Equal("failures", "logons", "hour", "hosts");
        root.TraceNames().Should().Equal("raises score", "lowers score");
        JsonElement raises = root.Trace(0);
        raises.Text("orientation").Should().Be("h");
        raises.GetProperty("y").Strings().Should().Equal("logons", "hour");
        raises.GetProperty("x").Numbers().Should().Equal(0.1, 0.3);
        raises.GetProperty("text").Strings().Should().Equal("+0.1", "+0.3");
        raises.GetProperty("marker").Text("color").Should().Be(ChartColors.Anomaly);
        JsonElement lowers = root.Trace(1);
        lowers.GetProperty("y").Strings().Should().Equal("failures", "hosts");
        lowers.GetProperty("x").Numbers().Should().Equal(-0.05, -0.5);
        lowers.GetProperty("text").Strings().Should().Equal("-0.05", "-0.5");
        lowers.GetProperty("marker").Text("color").Should().Be(ChartColors.Normal);
        root.Layout().Text("barmode").Should().Be("relative");
    }

    [Fact]
    public void Keeps_the_largest_contributions_and_leaves_out_an_empty_sign()
    {
        JsonElement root = FigureJsonReading.Parse(
            Chart.FeatureContributions(Names, [0.1, 0.5, 0.3, 0.05], maximumFeatures: 2)
        );

        root.TraceNames().Should().Equal("raises score");
        root.Layout().GetProperty("yaxis").GetProperty("categoryarray").Strings().Should().Equal("hour", "hosts");
        root.Trace(0).GetProperty("x").Numbers().Should().Equal(0.3, 0.5);
    }

    [Fact]
    public void Formats_bar_labels_in_the_invariant_culture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;

            Figure figure = Chart.FeatureContributions(["a"], [0.25]);

            ((Bar)figure.Data[0]).Text.Should().Equal("+0.25");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Rejects_mismatched_lengths_repeated_names_non_finite_values_and_no_features()
    {
        Action lengths = () => Chart.FeatureContributions(Names, [1.0]);
        Action repeated = () => Chart.FeatureContributions(["a", "b", "a"], [1.0, 2.0, 3.0]);
        Action notFinite = () => Chart.FeatureContributions(["a", "b"], [1.0, double.NaN]);
        Action none = () => Chart.FeatureContributions(Names, Contributions, maximumFeatures: 0);

        lengths
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 4 values in 'contributions'*received 1*")
            .Which.ParamName.Should()
            .Be("contributions");
        repeated
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*'a' again at index 2*")
            .Which.ParamName.Should()
            .Be("featureNames");
        notFinite
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*received NaN at index 1*")
            .Which.ParamName.Should()
            .Be("contributions");
        none.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maximumFeatures");
    }
}
