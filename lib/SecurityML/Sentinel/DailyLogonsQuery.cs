using SecurityML.Data;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// The workspace side of <see cref="LogonDailySummary"/> (<see cref="SentinelQueries.DailyLogons"/>): the KQL twin of
/// <see cref="LogonDailyAggregation.Summarize"/>, so only one row per account and day leaves the workspace. Same events
/// (<see cref="LogonAccountFilter"/>: 4624/4625, LogonType 3, no machine, anonymous or built-in accounts), same
/// columns; distinct counts are exact (<c>count_distinctif</c>), case-insensitive and ignore empty values and <c>-</c>.
/// One difference: Kusto's <c>by</c> compares names as spelled, so account spellings that differ only in case make
/// separate rows here while the local aggregation merges them.
/// </summary>
internal static class DailyLogonsQuery
{
    private static readonly string[] Columns =
    [
        "Date",
        "TargetDomainName",
        "TargetUserName",
        "AttemptedLogons",
        "SuccessfulLogons",
        "FailedLogons",
        "ComputersAttempted",
        "ComputersSuccessfulAccess",
        "ComputerDomainsAttempted",
        "ComputerDomainsSuccessfulAccess",
        "SourceIpAddressesAttempted",
        "SourceIpAddressesSuccessfulAccess",
        "SourceHostNamesAttempted",
        "SourceHostNamesSuccessfulAccess",
        "AuthenticationPackagesAttempted",
        "AuthenticationPackagesSuccessful",
        "FirstLogon",
        "LastLogon",
        "ActiveMilliseconds",
        "FirstSuccessfulLogon",
        "LastSuccessfulLogon",
        "ActiveMillisecondsSuccessful",
    ];

    /// <summary>The query over SecurityEvent; account filter on <c>TargetUserName</c>, computer filter on
    /// <c>Computer</c>.</summary>
    public static SentinelQuery Create() =>
        new(
            LogonDailySummary.DataSet,
            "SecurityEvent",
            [
                "EventID in (4624, 4625)",
                "LogonType == 3",
                "not(TargetUserName endswith \"$\""
                    + string.Concat(
                        LogonAccountFilter.ExcludedUserPrefixes.Select(prefix =>
                            " or TargetUserName startswith " + KqlLiteral.String(prefix)
                        )
                    )
                    + ")",
                "not(trim(@\"\\s+\", TargetUserName) in~ "
                    + KqlLiteral.StringList(LogonAccountFilter.ExcludedUserNames)
                    + ")",
                "not(trim(@\"\\s+\", TargetDomainName) in~ "
                    + KqlLiteral.StringList(LogonAccountFilter.ExcludedDomainNames)
                    + ")",
            ],
            "extend Succeeded = EventID == 4624, "
                + Known("ComputerValue", "Computer")
                + ", "
                + Known("ComputerDomainValue", "extract(@\"^[^.]*\\.(.*)$\", 1, Computer)")
                + ", "
                + Known("IpValue", "IpAddress")
                + ", "
                + Known("HostValue", "WorkstationName")
                + ", "
                + Known("PackageValue", "AuthenticationPackageName")
                + "\n| summarize AttemptedLogons = count(), SuccessfulLogons = countif(Succeeded), "
                + Distinct("Computers", "ComputerValue", "SuccessfulAccess")
                + Distinct("ComputerDomains", "ComputerDomainValue", "SuccessfulAccess")
                + Distinct("SourceIpAddresses", "IpValue", "SuccessfulAccess")
                + Distinct("SourceHostNames", "HostValue", "SuccessfulAccess")
                + Distinct("AuthenticationPackages", "PackageValue", "Successful")
                + "FirstLogon = min(TimeGenerated), LastLogon = max(TimeGenerated), "
                + "FirstSuccessfulLogon = minif(TimeGenerated, Succeeded), "
                + "LastSuccessfulLogon = maxif(TimeGenerated, Succeeded) "
                + "by Date = startofday(TimeGenerated), TargetUserName, TargetDomainName"
                + "\n| extend FailedLogons = AttemptedLogons - SuccessfulLogons, "
                + "ActiveMilliseconds = (LastLogon - FirstLogon) / 1ms, "
                + "ActiveMillisecondsSuccessful = iff(isnull(FirstSuccessfulLogon), 0.0, "
                + "(LastSuccessfulLogon - FirstSuccessfulLogon) / 1ms)"
                + "\n| project "
                + string.Join(", ", Columns)
                + "\n| order by Date asc, TargetDomainName asc, TargetUserName asc",
            Columns,
            "TargetUserName",
            "Computer"
        );

    /// <summary><c>Name = value</c> lower-cased, or empty when it is empty, white space or <c>-</c> (as the local
    /// aggregation ignores them).</summary>
    private static string Known(string name, string value) =>
        $"{name} = iff(isempty(trim(@\"\\s+\", {value})) or {value} == \"-\", \"\", tolower({value}))";

    /// <summary>The attempted and successful distinct counts of one value.</summary>
    private static string Distinct(string prefix, string value, string successSuffix) =>
        $"{prefix}Attempted = count_distinctif({value}, isnotempty({value})), "
        + $"{prefix}{successSuffix} = count_distinctif({value}, Succeeded and isnotempty({value})), ";
}
