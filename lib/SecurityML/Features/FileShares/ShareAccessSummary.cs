using SecurityML.Data;

namespace SecurityML.Features.FileShares;

/// <summary>
/// One account's accesses to one network share (event 5140, <see cref="FileShareAccessEvent"/>) over a window: how
/// many and the first and last access time, all the anomalous-resource-access detector's likelihood needs (count / (1
/// + UTC days between first and last access)). Small enough to compute where the events live: a workspace sends one
/// row per (account, share) instead of every event. <see cref="Summarize"/> builds the rows locally.
/// </summary>
public sealed record ShareAccessSummary
{
    /// <summary>The data set of these rows (<c>ShareAccessCounts.csv</c> in an exported folder); time is
    /// <see cref="LastSeen"/>.</summary>
    public static DataSet<ShareAccessSummary> DataSet { get; } =
        new(
            "ShareAccessCounts",
            "ShareAccessCounts.csv",
            DataFileFormat.Csv,
            "Network share accesses (5140) counted per account and share, with the first and last access time.",
            row => row.LastSeen
        );

    /// <summary>The account (<c>Account</c> of SecurityEvent, <c>DOMAIN\user</c>), as spelled in the events.</summary>
    public string Account { get; init; } = "";

    /// <summary>The share (<c>ShareName</c>, e.g. <c>\\*\Finance</c>), as spelled in the events.</summary>
    public string ShareName { get; init; } = "";

    /// <summary>Accesses of the account to the share; at least 1.</summary>
    public long Count { get; init; }

    /// <summary>The earliest access time (UTC).</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The latest access time (UTC).</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Groups <paramref name="events"/> by account and share (both compared ordinally, as spelled); events
    /// with an empty account or share are skipped, as the detector skips them.</summary>
    /// <param name="events">The share accesses (any order; streamed once).</param>
    /// <returns>One row per account and share, ordered by account then share (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public static IReadOnlyList<ShareAccessSummary> Summarize(IEnumerable<FileShareAccessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Order(
            events
                .Where(e => !string.IsNullOrEmpty(e.Account) && !string.IsNullOrEmpty(e.ShareName))
                .GroupBy(e => (e.Account, e.ShareName))
                .Select(group => new ShareAccessSummary
                {
                    Account = group.Key.Account,
                    ShareName = group.Key.ShareName,
                    Count = group.LongCount(),
                    FirstSeen = group.Min(e => e.TimeGenerated).ToUniversalTime(),
                    LastSeen = group.Max(e => e.TimeGenerated).ToUniversalTime(),
                })
        );
    }

    /// <summary>Orders rows by account then share (ordinal), as both paths return them.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The rows in that order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static IReadOnlyList<ShareAccessSummary> Order(IEnumerable<ShareAccessSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.OrderBy(row => row.Account, StringComparer.Ordinal)
            .ThenBy(row => row.ShareName, StringComparer.Ordinal)
            .ToList();
    }
}
