using SecurityML.Data;
using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>What one account did in a time window: the account summary step of the guided investigation.</summary>
public sealed record LogonAccountActivity
{
    /// <summary>The account, <c>DOMAIN\user</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary>Inclusive start of the window (UTC).</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>Exclusive end of the window (UTC).</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>Successful network logons (4624) in the window.</summary>
    public int SuccessfulLogons { get; init; }

    /// <summary>Failed network logons (4625) in the window.</summary>
    public int FailedLogons { get; init; }

    /// <summary>Distinct target computers, comma-separated, most logons first.</summary>
    public string Computers { get; init; } = "";

    /// <summary>Distinct source hosts (workstation names), most logons first.</summary>
    public string SourceHosts { get; init; } = "";

    /// <summary>Distinct source IP addresses, most logons first.</summary>
    public string SourceIpAddresses { get; init; } = "";

    /// <summary>Failure sub-statuses with counts, e.g. <c>0xc000006a ×103</c>.</summary>
    public string FailureReasons { get; init; } = "";

    /// <summary>The account's kept network logons in [<paramref name="start"/>, <paramref name="end"/>), oldest
    /// first.</summary>
    public static IReadOnlyList<LogonEvent> Events(
        IEnumerable<LogonEvent> logons,
        string account,
        DateTimeOffset start,
        DateTimeOffset end
    )
    {
        ArgumentNullException.ThrowIfNull(logons);
        ArgumentNullException.ThrowIfNull(account);
        return logons
            .Where(logon =>
                LogonAccountFilter.IsIncluded(logon)
                && logon.TimeGenerated >= start
                && logon.TimeGenerated < end
                && string.Equals(
                    logon.TargetDomainName + "\\" + logon.TargetUserName,
                    account,
                    StringComparison.OrdinalIgnoreCase
                )
            )
            .OrderBy(logon => logon.TimeGenerated)
            .ToList();
    }

    /// <summary>Summarises the account's network logons in [<paramref name="start"/>,
    /// <paramref name="end"/>).</summary>
    /// <param name="logons">Logon events (any accounts).</param>
    /// <param name="account"><c>DOMAIN\user</c>, case-insensitive.</param>
    /// <param name="start">Inclusive start (UTC).</param>
    /// <param name="end">Exclusive end (UTC).</param>
    /// <returns>The summary; counts 0 and empty lists when the account has no logons there.</returns>
    public static LogonAccountActivity Summarize(
        IEnumerable<LogonEvent> logons,
        string account,
        DateTimeOffset start,
        DateTimeOffset end
    )
    {
        var events = Events(logons, account, start, end);
        return new LogonAccountActivity
        {
            Account = account,
            WindowStart = start,
            WindowEnd = end,
            SuccessfulLogons = events.Count(logon => logon.EventID == LogonAccountFilter.SuccessfulLogonEventId),
            FailedLogons = events.Count(logon => logon.EventID == LogonAccountFilter.FailedLogonEventId),
            Computers = ByFrequency(events.Select(logon => logon.Computer)),
            SourceHosts = ByFrequency(events.Select(logon => logon.WorkstationName)),
            SourceIpAddresses = ByFrequency(events.Select(logon => logon.IpAddress)),
            FailureReasons = string.Join(
                ", ",
                events
                    .Where(logon => logon.EventID == LogonAccountFilter.FailedLogonEventId)
                    .GroupBy(logon => logon.SubStatus)
                    .OrderByDescending(group => group.Count())
                    .Select(group => $"{group.Key} ×{group.Count()}")
            ),
        };
    }

    private static string ByFrequency(IEnumerable<string> values) =>
        string.Join(
            ", ",
            values
                .Where(value => !string.IsNullOrWhiteSpace(value) && value != "-")
                .GroupBy(value => value, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.OrdinalIgnoreCase)
                .Select(group => group.Key)
        );
}
