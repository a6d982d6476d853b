using SecurityML.Data;
using SecurityML.Features.FileShares;
using static SecurityML.Tests.TestSupport.ShareAccessEvents;

namespace SecurityML.Tests.Features.FileShares;

/// <summary>The local aggregation of share accesses per account, share and UTC day
/// (<see cref="DailyShareAccess.Summarize"/>), the twin of the workspace's <c>DailyShareAccess</c> query.</summary>
public sealed class DailyShareAccessTests
{
    [Fact]
    public void Rows_count_each_account_share_and_UTC_day_with_first_and_last_time()
    {
        var minusTwo = TimeSpan.FromHours(-2);
        FileShareAccessEvent[] events =
        [
            Access("u1", "B", Monday.AddDays(1)),
            Access("u1", "A", Monday.AddHours(9)),
            Access("u1", "A", new DateTimeOffset(2024, 3, 4, 22, 0, 0, minusTwo)), // 5 March 00:00 UTC
            Access("u1", "A", Monday.AddHours(17)),
            Access("U1", "A", Monday.AddHours(12)),
            Access("u1", "a", Monday.AddHours(12)),
        ];

        var rows = DailyShareAccess.Summarize(events);

        rows.Select(row => (row.Day.Day, row.Account, row.ShareName, row.Count))
            .Should()
            .Equal((4, "U1", "A", 1L), (4, "u1", "A", 2L), (4, "u1", "a", 1L), (5, "u1", "A", 1L), (5, "u1", "B", 1L));
        rows[1].FirstSeen.Should().Be(Monday.AddHours(9));
        rows[1].LastSeen.Should().Be(Monday.AddHours(17));
        rows[3].FirstSeen.Should().Be(Monday.AddDays(1));
        rows[3].FirstSeen.Offset.Should().Be(TimeSpan.Zero, "written back in UTC");
        rows.Sum(row => row.Count).Should().Be(events.Length, "every event is counted once");
    }

    [Fact]
    public void Events_without_account_or_share_are_kept_under_the_empty_name()
    {
        FileShareAccessEvent[] events =
        [
            Access("", "A", Monday),
            Access(null!, "A", Monday.AddHours(1)),
            Access("u1", "", Monday),
        ];

        DailyShareAccess
            .Summarize(events)
            .Select(row => (row.Account, row.ShareName, row.Count))
            .Should()
            .Equal(("", "A", 2L), ("u1", "", 1L));
    }

    [Fact]
    public void No_events_give_no_rows_and_null_is_named()
    {
        DailyShareAccess.Summarize([]).Should().BeEmpty();
        var act = () => DailyShareAccess.Summarize(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("events");
    }
}
