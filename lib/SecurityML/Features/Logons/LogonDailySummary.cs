using SecurityML.Data;

namespace SecurityML.Features.Logons;

/// <summary>
/// One account's network logons on one UTC day, as the guided investigation's query aggregates them per
/// Date × TargetDomain × TargetUser. The Python notebook's column names are given in the docs for cross-reference.
/// Distinct counts ignore empty values and <c>-</c>. The one per-day logon record: computed locally by
/// <see cref="LogonDailyAggregation.Summarize"/>, or in a Sentinel workspace by the <see cref="DataSet"/>'s query
/// (<c>SentinelQueries.DailyLogons</c>), so that only these rows travel.
/// </summary>
public sealed record LogonDailySummary
{
    /// <summary>The data set of these summaries as a workspace aggregates them (<c>DailyLogons.csv</c> in an exported
    /// folder); time is <see cref="Date"/>.</summary>
    public static DataSet<LogonDailySummary> DataSet { get; } =
        new(
            "DailyLogons",
            "DailyLogons.csv",
            DataFileFormat.Csv,
            "Network logons per account and UTC day, aggregated in the workspace.",
            row => row.Date
        );

    /// <summary>The UTC day (midnight) (<c>Date</c>).</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The account's domain (<c>DstDomain</c>), as the day's earliest event spells it (see
    /// <see cref="LogonDailyAggregation"/> for ties).</summary>
    public string TargetDomainName { get; init; } = "";

    /// <summary>The account name (<c>DstUser</c>), as the day's earliest event spells it.</summary>
    public string TargetUserName { get; init; } = "";

    /// <summary><c>DOMAIN\user</c>, as the <c>Account</c> column of SecurityEvent.</summary>
    public string Account => TargetDomainName.Length == 0 ? TargetUserName : TargetDomainName + "\\" + TargetUserName;

    /// <summary>Logon attempts, successful or not (<c>LogonAttempts</c>).</summary>
    public int AttemptedLogons { get; init; }

    /// <summary>Successful logons, event 4624 (<c>SuccessfulLogons</c>).</summary>
    public int SuccessfulLogons { get; init; }

    /// <summary>Failed logons, event 4625 (<c>FailedLogons</c>).</summary>
    public int FailedLogons { get; init; }

    /// <summary>Distinct target computers of all attempts (<c>ComputersAttempted</c>).</summary>
    public int ComputersAttempted { get; init; }

    /// <summary>Distinct target computers logged on to successfully (<c>ComputersSuccessfulAccess</c>).</summary>
    public int ComputersSuccessfulAccess { get; init; }

    /// <summary>Distinct DNS domains of the target computers (the part after the first dot), all attempts.</summary>
    public int ComputerDomainsAttempted { get; init; }

    /// <summary>Distinct DNS domains of computers logged on to successfully
    /// (<c>ComputerDomainsSuccessfulAccess</c>).</summary>
    public int ComputerDomainsSuccessfulAccess { get; init; }

    /// <summary>Distinct source IP addresses of all attempts (<c>SrcIpAttempted</c>).</summary>
    public int SourceIpAddressesAttempted { get; init; }

    /// <summary>Distinct source IP addresses of successful logons (<c>SrcIpSuccessfulAccess</c>).</summary>
    public int SourceIpAddressesSuccessfulAccess { get; init; }

    /// <summary>Distinct source workstation names of all attempts (<c>SrcHostNameAttempted</c>).</summary>
    public int SourceHostNamesAttempted { get; init; }

    /// <summary>Distinct source workstation names of successful logons (<c>SrcHostNameSuccessfulAccess</c>).</summary>
    public int SourceHostNamesSuccessfulAccess { get; init; }

    /// <summary>Distinct authentication packages of all attempts.</summary>
    public int AuthenticationPackagesAttempted { get; init; }

    /// <summary>Distinct authentication packages of successful logons.</summary>
    public int AuthenticationPackagesSuccessful { get; init; }

    /// <summary>The first attempt that day (UTC).</summary>
    public DateTimeOffset FirstLogon { get; init; }

    /// <summary>The last attempt that day (UTC).</summary>
    public DateTimeOffset LastLogon { get; init; }

    /// <summary>Milliseconds from the first to the last attempt; 0 for one attempt.</summary>
    public double ActiveMilliseconds { get; init; }

    /// <summary>The first successful logon that day, or null when none succeeded.</summary>
    public DateTimeOffset? FirstSuccessfulLogon { get; init; }

    /// <summary>The last successful logon that day, or null when none succeeded.</summary>
    public DateTimeOffset? LastSuccessfulLogon { get; init; }

    /// <summary>Milliseconds from the first to the last successful logon; 0 when fewer than two succeeded.</summary>
    public double ActiveMillisecondsSuccessful { get; init; }
}
