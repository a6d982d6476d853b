using SecurityML.Tuning;

namespace SecurityML.Tests.Tuning;

/// <summary>Thresholds for a false-positive rate, an alert budget and the best F1, worked by hand.</summary>
public sealed class ThresholdSelectionTests
{
    private static readonly double[] Normal = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [InlineData(0.0, 10.0 + 1.7763568394002505E-15)] // nothing flagged: just above the maximum
    [InlineData(0.1, 10.0)] // one of ten flagged: score ≥ 10
    [InlineData(0.29, 9.0)] // 0.29 × 10 = 2.9 → two flagged (9, 10)
    [InlineData(0.3, 8.0)]
    [InlineData(1.0, 1.0)] // everything flagged
    public void Threshold_for_a_false_positive_rate_flags_at_most_that_share_of_normal_scores(
        double rate,
        double expected
    )
    {
        double threshold = ThresholdSelection.ForFalsePositiveRate(Normal, rate);

        threshold.Should().Be(expected);
        Normal
            .Count(score => score >= threshold)
            .Should()
            .BeLessThanOrEqualTo((int)Math.Round(rate * 10, 6, MidpointRounding.ToZero));
    }

    [Fact]
    public void Rounding_does_not_lose_an_allowed_alert()
    {
        // 0.29 × 100 = 28.999999999999996 in binary floating point; 29 of the 100 may still be flagged.
        var scores = Enumerable.Range(1, 100).Select(value => (double)value).ToArray();

        ThresholdSelection.ForFalsePositiveRate(scores, 0.29).Should().Be(72);
    }

    [Fact]
    public void Ties_are_flagged_together_or_not_at_all()
    {
        double[] scores = [1, 2, 5, 5, 5, 9];

        ThresholdSelection.ForMaximumAlerts(scores, 3).Should().Be(9, "flagging 5 would flag four items");
        ThresholdSelection.ForMaximumAlerts(scores, 4).Should().Be(5);
    }

    // Access pairs across graph components score +∞: three of them here, at positions 1, 3 and 5.
    private static readonly double[] InfiniteTies =
    [
        0.5,
        double.PositiveInfinity,
        2,
        double.PositiveInfinity,
        double.NaN,
        double.PositiveInfinity,
        1,
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_budget_smaller_than_the_infinite_tie_flags_nothing_by_threshold(long budget)
    {
        double threshold = ThresholdSelection.ForMaximumAlerts(InfiniteTies, budget);

        threshold.Should().Be(double.NaN);
        InfiniteTies.Count(score => score >= threshold).Should().Be(0);
        ThresholdSelection.ForAlertBudget(InfiniteTies, days: 1, alertsPerDay: budget).Should().Be(double.NaN);
    }

    [Fact]
    public void A_budget_that_holds_the_infinite_tie_flags_it_and_then_finite_scores()
    {
        ThresholdSelection.ForMaximumAlerts(InfiniteTies, 3).Should().Be(double.PositiveInfinity);
        ThresholdSelection.ForMaximumAlerts(InfiniteTies, 4).Should().Be(2);
    }

    [Theory]
    [InlineData(0, new int[0], 0, 0)]
    [InlineData(1, new[] { 1 }, 3, 2)]
    [InlineData(2, new[] { 1, 3 }, 3, 1)]
    [InlineData(3, new[] { 1, 3, 5 }, 3, 0)]
    [InlineData(4, new[] { 1, 3, 5, 2 }, 1, 0)]
    [InlineData(10, new[] { 1, 3, 5, 2, 6, 0 }, 1, 0)]
    public void Selecting_alerts_fills_the_budget_breaking_ties_by_position_and_reports_the_tie(
        long budget,
        int[] flagged,
        int tied,
        int leftOut
    )
    {
        var selection = ThresholdSelection.SelectAlerts(InfiniteTies, budget);

        selection.Flagged.Should().Equal(flagged);
        selection.Flagged.Count.Should().BeLessThanOrEqualTo((int)budget);
        selection.TiedAtLowestScore.Should().Be(tied);
        selection.LeftOutByTie.Should().Be(leftOut);
        selection.TieBroken.Should().Be(leftOut > 0);
    }

    [Fact]
    public void A_broken_tie_is_explained_in_the_threshold_summary_note()
    {
        var selection = ThresholdSelection.SelectAlertsForBudget(InfiniteTies, days: 2, alertsPerDay: 1);

        selection.Flagged.Should().Equal(1, 3);
        selection.LowestFlaggedScore.Should().Be(double.PositiveInfinity);
        selection
            .Note.Should()
            .Be("3 items tie at score +∞; the budget of 2 flags the first 2 by position and leaves out 1");
        var tuning = ThresholdTuning.FromLabels(InfiniteTies, [false, true, false, true, false, false, false]);
        ThresholdSummary
            .Of(
                "AccessAnomaly",
                "alert budget 1/day",
                tuning,
                selection.LowestFlaggedScore,
                DateTimeOffset.UnixEpoch,
                selection.Note
            )
            .Note.Should()
            .Be(selection.Note);
        ThresholdSelection
            .SelectAlerts([1, 2, 5, 5, 5, 9], 3)
            .Should()
            .BeEquivalentTo(
                new
                {
                    Flagged = new[] { 5, 2, 3 },
                    LowestFlaggedScore = 5.0,
                    TiedAtLowestScore = 3,
                    LeftOutByTie = 1,
                }
            );
    }

    [Fact]
    public void Alert_budget_per_day_over_the_period()
    {
        var scores = Enumerable.Range(1, 70).Select(value => (double)value).ToArray();

        // 7 days at 1.5 alerts a day: at most 10 alerts → the ten highest, 61..70.
        ThresholdSelection.ForAlertBudget(scores, days: 7, alertsPerDay: 1.5).Should().Be(61);
    }

    [Fact]
    public void Nan_scores_are_never_flagged()
    {
        ThresholdSelection.ForMaximumAlerts([double.NaN, 3, 1], 1).Should().Be(3);
        FluentActions
            .Invoking(() => ThresholdSelection.ForMaximumAlerts([double.NaN], 1))
            .Should()
            .Throw<ArgumentException>();
    }

    [Fact]
    public void Maximum_f1_threshold()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] labels = [false, false, true, true];

        // F1 at 0.8: P 1, R .5 → 2/3; at 0.4: P .5, R .5 → .5; at 0.35: P 2/3, R 1 → 0.8; at 0.1: P .5, R 1 → 2/3.
        ThresholdSelection.ForMaximumF1(scores, labels).Should().Be(0.35);
    }

    [Fact]
    public void Out_of_range_arguments_name_the_parameter_and_range()
    {
        FluentActions
            .Invoking(() => ThresholdSelection.ForFalsePositiveRate(Normal, 1.5))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("targetFalsePositiveRate")
            .WithMessage("*[0, 1]*1.5*");
        FluentActions
            .Invoking(() => ThresholdSelection.ForAlertBudget(Normal, 0, 1))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("days");
    }
}
