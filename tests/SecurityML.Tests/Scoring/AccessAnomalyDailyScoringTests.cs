using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Features.FileShares;
using SecurityML.Scoring;
using static SecurityML.Tests.TestSupport.ShareAccessEvents;

namespace SecurityML.Tests.Scoring;

/// <summary>
/// Notebook 02's scoring from share accesses counted per account, share and UTC day
/// (<see cref="AccessAnomalyScoring.ScoreDaily(IEventScorer, IEnumerable{DailyShareAccess})"/>) gives the rows the
/// event path gives (<see cref="AccessAnomalyScoring.ScoreDaily(IEventScorer, IEnumerable{FileShareAccessEvent})"/>),
/// through the model registry's scorer, and refuses what the event path refuses.
/// </summary>
public sealed class AccessAnomalyDailyScoringTests
{
    private static readonly AccessAnomalyOptions Fast = new() { Rank = 2, NumberOfIterations = 5 };

    // Two islands: {a, b, R1, R2} and {c, R3}.
    private static readonly AccessLikelihood[] Training =
    [
        new("t", "a", "R1", 3),
        new("t", "b", "R1", 1),
        new("t", "b", "R2", 2),
        new("t", "c", "R3", 5),
    ];

    private static IEventScorer Scorer(params AccessLikelihood[] training) =>
        AccessAnomalyScoring.Create(new AccessAnomalyDetector(Fast).Fit(training));

    [Fact]
    public void Daily_rows_score_exactly_as_the_events_they_count()
    {
        var plusTwo = TimeSpan.FromHours(2);
        FileShareAccessEvent[] events =
        [
            Access("a", "R1", Monday.AddHours(9).AddTicks(12_345)), // sub-millisecond first access
            Access("a", "R1", Monday.AddHours(8).AddTicks(9_999)),
            Access("a", "R1", new DateTimeOffset(2024, 3, 5, 1, 0, 0, plusTwo)), // 4 March 23:00 UTC
            Access("a", "R1", new DateTimeOffset(2024, 3, 5, 3, 0, 0, plusTwo)), // 5 March 01:00 UTC
            Access("a", "R2", Monday.AddHours(10)),
            Access("b", "R2", Monday.AddDays(1)),
            Access("B", "R2", Monday.AddDays(1).AddHours(1)), // another spelling: another row, unknown user
            Access("a", "R3", Monday.AddHours(12)), // across islands: +∞
            Access("nobody", "R1", Monday.AddHours(13)),
            Access("c", "nothing", Monday.AddDays(2)),
        ];
        var scorer = Scorer(Training);

        var fromEvents = AccessAnomalyScoring.ScoreDaily(scorer, events);
        var fromDays = AccessAnomalyScoring.ScoreDaily(scorer, DailyShareAccess.Summarize(events).Reverse());

        fromDays.Should().Equal(fromEvents);
        fromDays.Should().HaveCount(8, "four pairs on the 4th, three on the 5th (two spellings of b), one on the 6th");
        fromDays[0]
            .Should()
            .Match<ScoredAccess>(row => row.User == "a" && row.Day == new DateOnly(2024, 3, 4) && row.Accesses == 3);
        fromDays[0].FirstAccess.Should().Be(Monday.AddHours(8), "kept to the millisecond, as the event path keeps it");
        fromDays
            .Select(row => row.Status)
            .Should()
            .Contain([
                AccessScoreStatus.Scored,
                AccessScoreStatus.DifferentComponents,
                AccessScoreStatus.UnknownUser,
                AccessScoreStatus.UnknownResource,
            ]);
        fromDays.Should().OnlyContain(row => row.Tenant == "t", "the model's only tenant, as for events");
    }

    [Theory]
    [InlineData("", "R1", "Account")]
    [InlineData("a", "", "ShareName")]
    public void A_row_without_account_or_share_is_refused_as_its_events_are(string account, string share, string field)
    {
        FileShareAccessEvent[] events = [Access("a", "R1", Monday), Access(account, share, Monday.AddHours(1))];
        var scorer = Scorer(Training);
        var days = DailyShareAccess.Summarize(events);

        var fromEvents = () => AccessAnomalyScoring.ScoreDaily(scorer, events);
        var fromDays = () => AccessAnomalyScoring.ScoreDaily(scorer, days);

        fromEvents.Should().Throw<ArgumentException>().WithParameterName("events").WithMessage($"*{field}*");
        fromDays
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("days")
            .WithMessage($"row 1: missing field: expected {field} (DailyShareAccess, 1 accesses on 2024-03-04)*");
    }

    [Fact]
    public void A_repeated_account_share_and_day_is_refused_and_named()
    {
        var row = new DailyShareAccess
        {
            Account = "a",
            ShareName = "R1",
            Day = DateOnly.FromDateTime(Monday.UtcDateTime),
            Count = 2,
            FirstSeen = Monday,
            LastSeen = Monday.AddHours(1),
        };

        var act = () => AccessAnomalyScoring.ScoreDaily(Scorer(Training), [row, row with { Count = 1 }]);

        act.Should()
            .Throw<ArgumentException>()
            .WithParameterName("days")
            .WithMessage("row 2: expected one row per (account, share, day); ('a', 'R1', 2024-03-04) repeats*");
    }

    [Fact]
    public void A_model_of_several_tenants_needs_a_tenant_on_both_paths()
    {
        var scorer = Scorer([.. Training, new("u", "x", "R9", 1)]);
        FileShareAccessEvent[] events = [Access("a", "R1", Monday)];

        var fromEvents = () => AccessAnomalyScoring.ScoreDaily(scorer, events);
        var fromDays = () => AccessAnomalyScoring.ScoreDaily(scorer, DailyShareAccess.Summarize(events));

        fromEvents.Should().Throw<ArgumentException>().WithMessage("event 1: missing field: expected Tenant*");
        fromDays.Should().Throw<ArgumentException>().WithMessage("row 1: missing field: expected Tenant*");
    }

    [Fact]
    public void No_rows_give_no_scores_and_null_arguments_are_named()
    {
        var scorer = Scorer(Training);

        AccessAnomalyScoring.ScoreDaily(scorer, Array.Empty<DailyShareAccess>()).Should().BeEmpty();
        var nullDays = () => AccessAnomalyScoring.ScoreDaily(scorer, (IEnumerable<DailyShareAccess>)null!);
        nullDays.Should().Throw<ArgumentNullException>().WithParameterName("days");
        var nullRow = () => AccessAnomalyScoring.ScoreDaily(scorer, new DailyShareAccess[] { null! });
        nullRow.Should().Throw<ArgumentException>().WithParameterName("days").WithMessage("row 1: *null*");
    }
}
