using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>
/// Network logons of one account on one UTC day, aggregated in the workspace (<c>summarize ... by Date, TargetUserName</c>
/// over SecurityEvent 4624/4625, LogonType 3) so that only aggregates travel. <see cref="Summarize"/> computes the same
/// from local <see cref="LogonEvent"/>s.
/// </summary>
public sealed record DailyLogonSummary
{
    /// <summary>The UTC day (midnight).</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The account name without domain.</summary>
    public string TargetUserName { get; init; } = "";

    /// <summary>Successful logons (4624) that day; ≥ 0.</summary>
    public long Successes { get; init; }

    /// <summary>Failed logons (4625) that day; ≥ 0.</summary>
    public long Failures { get; init; }

    /// <summary>Distinct computers logged on to that day (exact).</summary>
    public long DistinctComputers { get; init; }

    /// <summary>Distinct source addresses that day (exact).</summary>
    public long DistinctSourceAddresses { get; init; }

    /// <summary>The first logon time that day (UTC).</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The last logon time that day (UTC).</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>The data set of these summaries (<c>DailyLogons.csv</c> in an exported folder).</summary>
    public static DataSet<DailyLogonSummary> DataSet { get; } = new(
        "DailyLogons", "DailyLogons.csv", DataFileFormat.Csv,
        "Network logons per account and UTC day, aggregated in the workspace.", row => row.Date);

    /// <summary>The same aggregation as the workspace query, over local events (4624/4625, LogonType 3); ordered by
    /// date then account (ordinal). An empty input gives an empty list.</summary>
    public static IReadOnlyList<DailyLogonSummary> Summarize(IEnumerable<LogonEvent> logons)
    {
        ArgumentNullException.ThrowIfNull(logons);
        return logons
            .Where(logon => logon.EventID is 4624 or 4625 && logon.LogonType == 3)
            .GroupBy(logon => (Date: new DateTimeOffset(logon.TimeGenerated.UtcDateTime.Date, TimeSpan.Zero), logon.TargetUserName))
            .Select(group => new DailyLogonSummary
            {
                Date = group.Key.Date,
                TargetUserName = group.Key.TargetUserName,
                Successes = group.LongCount(logon => logon.EventID == 4624),
                Failures = group.LongCount(logon => logon.EventID == 4625),
                DistinctComputers = group.Select(logon => logon.Computer).Distinct(StringComparer.Ordinal).LongCount(),
                DistinctSourceAddresses = group.Select(logon => logon.IpAddress).Distinct(StringComparer.Ordinal).LongCount(),
                FirstSeen = group.Min(logon => logon.TimeGenerated),
                LastSeen = group.Max(logon => logon.TimeGenerated),
            })
            .OrderBy(summary => summary.Date).ThenBy(summary => summary.TargetUserName, StringComparer.Ordinal)
            .ToList();
    }
}
