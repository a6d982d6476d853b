using System.Globalization;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>Periods, KQL text and re-threshold: cases worked with msticpy's code (extract_anomaly_periods run on
/// the same flags by the throwaway reference script) and by hand from set_new_anomaly_threshold.</summary>
public sealed class AnomalyPeriodsTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StlScoredPoint Row(double hours, int flag, double score = 0) =>
        new(Midnight.AddHours(hours), 0, 0, 0, 0, 1, 0, score, flag);

    private static readonly StlScoredPoint[] Flags =
    [
        Row(0, 1),
        Row(2, 1),
        Row(5, -1),
        Row(8, 1),
        Row(8.5, 1),
        Row(12, 1),
        Row(14, -1),
        Row(3, 0),
    ];

    [Fact]
    public void Positive_only_merges_bins_at_most_two_periods_apart()
    {
        AnomalyPeriods.Extract(Flags).Should().Equal(Window(-1, 3), Window(7, 9), Window(11, 13));
    }

    [Fact]
    public void Both_signs_with_one_and_two_hour_periods_match_msticpy()
    {
        AnomalyPeriods
            .Extract(Flags, positiveOnly: false)
            .Should()
            .Equal(Window(-1, 3), Window(4, 6), Window(7, 9), Window(11, 15));
        AnomalyPeriods.Extract(Flags, TimeSpan.FromHours(2), positiveOnly: false).Should().Equal(Window(-2, 16));
    }

    [Fact]
    public void No_anomalies_give_no_periods_and_a_filter_matching_nothing()
    {
        var periods = AnomalyPeriods.Extract([Row(1, 0)]);

        periods.Should().BeEmpty();
        AnomalyPeriods.ToKqlFilter(periods).Should().Be("| where false");
    }

    [Fact]
    public void Kql_filter_is_invariant_utc_iso_and_quotes_odd_column_names()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            var period = new AnomalyPeriod(
                new DateTimeOffset(2024, 3, 13, 4, 0, 0, TimeSpan.FromHours(2)),
                Midnight.AddHours(1.5)
            );

            AnomalyPeriods
                .ToKqlFilter([period], "Time'x")
                .Should()
                .Be("| where ['Time\\'x'] between (datetime(2024-03-13T02:00:00Z) .. datetime(2024-01-01T01:30:00Z))");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("Time\nGenerated", "*U+000A at index 4*\"Time\\nGenerated\"*")]
    [InlineData("Time\r\nGenerated", "*U+000D at index 4*")]
    [InlineData("Time\u2028Generated", "*U+2028 at index 4*")]
    [InlineData("", "*1 to 1024 characters*(0 characters)*")]
    public void Kql_filter_refuses_column_names_no_quoting_can_hold(string column, string message)
    {
        AnomalyPeriod[] periods = [Window(0, 1)];

        FluentActions
            .Invoking(() => AnomalyPeriods.ToKqlFilter(periods, column))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("timeColumn")
            .WithMessage(message);
        FluentActions
            .Invoking(() => AnomalyPeriods.ToKqlFilter(periods, null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("timeColumn");
    }

    [Fact]
    public void Within_keeps_items_inside_any_period_both_ends_inclusive()
    {
        var times = Enumerable.Range(-2, 20).Select(h => Midnight.AddHours(h)).ToList();

        AnomalyPeriods
            .Within(times, t => t, [Window(-1, 1), Window(7, 9)])
            .Should()
            .Equal(new[] { -1, 0, 1, 7, 8, 9 }.Select(h => Midnight.AddHours(h)));
    }

    [Fact]
    public void Non_positive_period_is_rejected_with_its_name()
    {
        FluentActions
            .Invoking(() => AnomalyPeriods.Extract(Flags, TimeSpan.Zero))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("period");
    }

    private static AnomalyPeriod Window(double startHours, double endHours) =>
        new(Midnight.AddHours(startHours), Midnight.AddHours(endHours));
}
