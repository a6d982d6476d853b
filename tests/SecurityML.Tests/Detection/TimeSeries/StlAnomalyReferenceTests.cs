using System.Globalization;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>msticpy's timeseries_anomalies_stl on the demo OutboundBytes series (reference columns produced with
/// statsmodels 0.13.5 + scipy zscore, see <see cref="ReferenceSeries"/>).</summary>
public sealed class StlAnomalyReferenceTests
{
    private static readonly ReferenceSeries Reference = ReferenceSeries.Load("outbound-bytes-msticpy");

    private static IReadOnlyList<TimeSeriesPoint> Series() =>
        Reference
            .Texts("TimeGenerated")
            .Zip(
                Reference.Numbers("observed"),
                (time, value) => new TimeSeriesPoint(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), value)
            )
            .ToList();

    [Fact]
    public void Scores_baseline_and_flags_agree_with_msticpy()
    {
        var model = new StlAnomalyDetector().Fit(Series());

        StlDecompositionTests.AssertClose(model.Rows.Select(r => r.Score).ToList(), Reference.Numbers("score"), 1e-6);
        StlDecompositionTests.AssertClose(
            model.Rows.Select(r => r.Baseline / 1e8).ToList(),
            Reference.Numbers("baseline").Select(v => v / 1e8).ToArray(),
            1e-12
        );
        model.Rows.Select(r => r.Anomalies).Should().Equal(Reference.Numbers("anomalies").Select(v => (int)v));
        model.Rows.Select(r => r.Weights).Should().OnlyContain(w => w == 1.0);
    }

    [Fact]
    public void Truncation_option_reproduces_msticpys_integer_columns()
    {
        var model = new StlAnomalyDetector(new StlAnomalyOptions { TruncateToIntegers = true }).Fit(Series());

        model.Rows.Select(r => r.Residual).Should().Equal(Reference.Numbers("truncated_residual"));
        model.Rows.Select(r => r.Baseline).Should().Equal(Reference.Numbers("truncated_baseline"));
        StlDecompositionTests.AssertClose(
            model.Rows.Select(r => r.Score).ToList(),
            Reference.Numbers("truncated_score"),
            1e-6
        );
        model
            .Rows.Select(r => r.Anomalies)
            .Should()
            .Equal(Reference.Numbers("truncated_anomalies").Select(v => (int)v));
    }

    [Fact]
    public void Score_of_the_fitted_points_equals_the_row_scores_and_other_times_are_nan()
    {
        var series = Series();
        var model = new StlAnomalyDetector().Fit(series);
        var outside = new TimeSeriesPoint(series[^1].TimeGenerated.AddHours(1), 1.0);

        var scores = model.Score(series.Append(outside).Append(series[5] with { Value = double.NaN }).ToList());

        scores.Take(series.Count).Should().Equal(model.Rows.Select(r => r.Score));
        scores[^2].Should().Be(double.NaN);
        scores[^1].Should().Be(double.NaN);
    }

    [Fact]
    public void Score_of_a_changed_value_moves_by_the_change_over_the_standard_deviation()
    {
        var series = Series();
        var model = new StlAnomalyDetector().Fit(series);

        var score = model.Score([series[100] with { Value = series[100].Value + 3 * model.ResidualStandardDeviation }])[
            0
        ];

        score.Should().BeApproximately(model.Rows[100].Score + 3, 1e-9);
    }

    [Fact]
    public void Periods_and_kql_filter_agree_with_msticpy()
    {
        var model = new StlAnomalyDetector().Fit(Series());

        var positive = AnomalyPeriods.Extract(model.Rows);
        var both = AnomalyPeriods.Extract(model.Rows, positiveOnly: false);

        // msticpy extract_anomaly_periods on the reference flags (pos_only True, then False).
        positive
            .Should()
            .Equal(Period("2024-03-13T02:00Z", "2024-03-13T04:00Z"), Period("2024-03-28T13:00Z", "2024-03-28T15:00Z"));
        both.Should().Equal(positive[0], positive[1], Period("2024-04-06T21:00Z", "2024-04-07T00:00Z"));
        AnomalyPeriods
            .ToKqlFilter(positive)
            .Should()
            .Be(
                "| where TimeGenerated between (datetime(2024-03-13T02:00:00Z) .. datetime(2024-03-13T04:00:00Z))"
                    + " or TimeGenerated between (datetime(2024-03-28T13:00:00Z) .. datetime(2024-03-28T15:00:00Z))"
            );
    }

    internal static AnomalyPeriod Period(string start, string end) =>
        new(
            DateTimeOffset.Parse(start, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(end, CultureInfo.InvariantCulture)
        );
}
