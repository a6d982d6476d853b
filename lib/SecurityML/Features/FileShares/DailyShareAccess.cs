using SecurityML.Data;

namespace SecurityML.Features.FileShares;

/// <summary>
/// One account's accesses to one network share (event 5140, <see cref="FileShareAccessEvent"/>) on one UTC day: how
/// many and the first and last access time, all the anomalous-resource-access scoring needs (one scored row per
/// account, share and day, with the day's first access and count). Small enough to compute where the events live: a
/// workspace sends one row per (account, share, day) instead of every event. <see cref="Summarize"/> builds the rows
/// locally.
/// </summary>
public sealed record DailyShareAccess
{
    /// <summary>The data set of these rows (<c>DailyShareAccess.csv</c> in an exported folder); time is
    /// <see cref="Day"/> at midnight UTC.</summary>
    public static DataSet<DailyShareAccess> DataSet { get; } =
        new(
            "DailyShareAccess",
            "DailyShareAccess.csv",
            DataFileFormat.Csv,
            "Network share accesses (5140) counted per account, share and UTC day, with the first and last access time.",
            row => new DateTimeOffset(row.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        );

    /// <summary>The account (<c>Account</c> of SecurityEvent, <c>DOMAIN\user</c>), as spelled in the events; empty
    /// for events without one.</summary>
    public string Account { get; init; } = "";

    /// <summary>The share (<c>ShareName</c>, e.g. <c>\\*\Finance</c>), as spelled in the events; empty for events
    /// without one.</summary>
    public string ShareName { get; init; } = "";

    /// <summary>The UTC calendar day of the accesses.</summary>
    public DateOnly Day { get; init; }

    /// <summary>Accesses of the account to the share that day; at least 1.</summary>
    public long Count { get; init; }

    /// <summary>The earliest access time that day (UTC).</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The latest access time that day (UTC).</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Groups <paramref name="events"/> by account, share (both compared ordinally, as spelled) and UTC day
    /// of <see cref="FileShareAccessEvent.TimeGenerated"/>. Events with an empty account or share are kept, grouped
    /// under the empty name (a null name counts as empty), so a consumer that needs both (the scoring) can report
    /// them instead of losing them.</summary>
    /// <param name="events">The share accesses (any order; streamed once).</param>
    /// <returns>One row per account, share and day, ordered by day, account and share (see <see cref="Order"/>).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public static IReadOnlyList<DailyShareAccess> Summarize(IEnumerable<FileShareAccessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Order(
            events
                .GroupBy(e =>
                    (
                        Account: e.Account ?? "",
                        ShareName: e.ShareName ?? "",
                        Day: DateOnly.FromDateTime(e.TimeGenerated.UtcDateTime)
                    )
                )
                .Select(group => new DailyShareAccess
                {
                    Account = group.Key.Account,
                    ShareName = group.Key.ShareName,
                    Day = group.Key.Day,
                    Count = group.LongCount(),
                    FirstSeen = group.Min(e => e.TimeGenerated).ToUniversalTime(),
                    LastSeen = group.Max(e => e.TimeGenerated).ToUniversalTime(),
                })
        );
    }

    /// <summary>Orders rows by day, then account, then share (ordinal), as both paths return them and as the scoring
    /// lists its rows.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The rows in that order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static IReadOnlyList<DailyShareAccess> Order(IEnumerable<DailyShareAccess> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.OrderBy(row => row.Day)
            .ThenBy(row => row.Account, StringComparer.Ordinal)
            .ThenBy(row => row.ShareName, StringComparer.Ordinal)
            .ToList();
    }
}
