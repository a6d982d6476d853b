using SecurityML.Charts;
using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;
using SecurityML.Tests.Charts;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>The logon notebooks' figures on the bundled demo data, read back as plotly receives them.</summary>
public sealed class IsolationForestChartsTests
{
    private static readonly QueryProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Fact]
    public void The_3d_principal_components_fit_their_figure_with_outliers_in_red()
    {
        var table = LogonFeatures.Build(LogonDailyAggregation.Summarize(Provider.Logons()), ZScoreBaseline.OtherDays);
        int[] predictions = table.Rows.Select((_, index) => index % 50 == 0 ? -1 : 1).ToArray();

        var root = FigureJsonReading.Parse(IsolationForestCharts.OutlierScatter3D(table, predictions));

        root.TraceNames().Should().Equal("normal", "outlier");
        root.Trace(1).GetProperty("x").GetArrayLength().Should().Be(predictions.Count(p => p == -1));
        root.Layout().GetProperty("scene").GetProperty("zaxis").TitleText().Should().Be("PC3");
        SceneAssertions.ShouldFitItsFigure(root.Layout());
    }

    [Fact]
    public void The_account_trend_labels_days_in_iso_form()
    {
        var summaries = LogonDailyAggregation.Summarize(Provider.Logons());
        string account = summaries[0].Account;

        Figure figure = IsolationForestCharts.AccountTrend(summaries, account, [summaries[0].Date]);

        figure.Layout.XAxis!.Type.Should().Be(AxisType.Date);
        figure.Layout.XAxis.HoverFormat.Should().Be("%Y-%m-%d");
        figure.Layout.XAxis.TickFormatStops.Should().Contain(stop => stop.Value == "%Y-%m-%d");
    }
}
