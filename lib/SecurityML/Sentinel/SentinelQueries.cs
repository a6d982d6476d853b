using SecurityML.Data;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// The named KQL queries behind each data set of the notebooks. Aggregations run in the workspace (Kusto is the
/// distributed engine; only aggregates travel). Output columns are the record properties of <see cref="DataSets"/>.
/// </summary>
public static class SentinelQueries
{
    /// <summary>How far back the user directory looks in <c>IdentityInfo</c> (it is refreshed daily): 14
    /// days.</summary>
    public const int IdentityInfoLookbackDays = 14;

    /// <summary>SecurityEvent 5140, network share accesses.</summary>
    public static SentinelQuery FileShareAccess { get; } =
        Raw(
            DataSets.FileShareAccess,
            "SecurityEvent",
            ["EventID == 5140"],
            "TimeGenerated, EventID, Activity, Computer, Account, SubjectUserName, SubjectDomainName, "
                + "SubjectLogonId, IpAddress, "
                + "IpPort = toint(IpPort), ShareName, ShareLocalPath, AccessMask",
            "Account",
            "Computer"
        );

    /// <summary>Share accesses (5140) counted in the workspace per account and share (both grouped as spelled, as
    /// the local <see cref="ShareAccessSummary.Summarize"/> compares ordinally), with the first and last access time:
    /// the rows of <see cref="ShareAccessSummary"/>, over the events of <see cref="FileShareAccess"/> with an account
    /// and a share.</summary>
    public static SentinelQuery ShareAccessCounts { get; } =
        Counted(
            ShareAccessSummary.DataSet,
            ["EventID == 5140", "isnotempty(Account) and isnotempty(ShareName)"],
            "Account, ShareName",
            "Account",
            "ShareName"
        );

    /// <summary>Share accesses (5140) counted in the workspace per account, share (both grouped as spelled, as the
    /// local <see cref="Features.FileShares.DailyShareAccess.Summarize"/> compares ordinally) and UTC day
    /// (<c>startofday</c>), with the first and last access time of the day: the rows of
    /// <see cref="Features.FileShares.DailyShareAccess"/>, over the same events as <see cref="FileShareAccess"/>
    /// (events without an account or share included, under the empty name).</summary>
    public static SentinelQuery DailyShareAccess { get; } =
        Counted(
            Features.FileShares.DailyShareAccess.DataSet,
            ["EventID == 5140"],
            "Account, ShareName, Day = startofday(TimeGenerated)",
            "Day",
            "Account",
            "ShareName"
        );

    /// <summary>SecurityEvent 4624/4625 network logons (LogonType 3).</summary>
    public static SentinelQuery Logons { get; } =
        Raw(
            DataSets.Logons,
            "SecurityEvent",
            ["EventID in (4624, 4625)", "LogonType == 3"],
            "TimeGenerated, EventID, Activity, Computer, Account, AccountType, TargetUserName, TargetDomainName, "
                + "TargetLogonId, "
                + "LogonType, LogonProcessName, AuthenticationPackageName, WorkstationName, IpAddress, Status, "
                + "SubStatus",
            "Account",
            "Computer"
        );

    /// <summary>Logons aggregated in the workspace per UTC day and account (<see cref="LogonDailySummary"/>, the same
    /// columns as the local aggregation; see <see cref="DailyLogonsQuery"/>).</summary>
    public static SentinelQuery DailyLogons { get; } = DailyLogonsQuery.Create();

    /// <summary>Logons counted in the workspace per account (<c>Account</c>, grouped as spelled, as the local
    /// <see cref="Features.EntityAggregation.SummarizeByEntityAndDay{T}"/> compares ordinally) and UTC day
    /// (<c>startofday</c>): the rows of <see cref="DailyLogonCount"/>, over the same events as <see cref="Logons"/>.
    /// </summary>
    public static SentinelQuery DailyLogonCounts { get; } =
        Counted(
            DailyLogonCount.DataSet,
            ["EventID in (4624, 4625)", "LogonType == 3"],
            "Entity = Account, Day = startofday(TimeGenerated)",
            "Entity",
            "Day"
        );

    /// <summary>Outbound bytes per hour, summed in the workspace from firewall logs
    /// (<c>CommonSecurityLog.SentBytes</c>).</summary>
    public static SentinelQuery OutboundBytes { get; } =
        new(
            DataSets.OutboundBytes,
            "CommonSecurityLog",
            ["isnotnull(SentBytes)"],
            "summarize TotalBytesSent = sum(tolong(SentBytes)) by TimeGenerated = bin(TimeGenerated, 1h)"
                + "\n| project TimeGenerated, TotalBytesSent\n| order by TimeGenerated asc",
            ["TimeGenerated", "TotalBytesSent"],
            accountColumn: null,
            computerColumn: null
        );

    /// <summary>SecurityEvent 4688, process creations with command lines.</summary>
    public static SentinelQuery ProcessCreation { get; } =
        Raw(
            DataSets.ProcessCreation,
            "SecurityEvent",
            ["EventID == 4688"],
            "TimeGenerated, EventID, Computer, Account, SubjectUserName, SubjectDomainName, SubjectLogonId, "
                + "NewProcessId, "
                + "NewProcessName, ProcessId, ParentProcessName, CommandLine, TokenElevationType",
            "Account",
            "Computer"
        );

    /// <summary>OfficeActivity Exchange admin operations (sessions are built from them in the library).</summary>
    public static SentinelQuery ExchangeAdmin { get; } =
        Raw(
            DataSets.ExchangeAdmin,
            "OfficeActivity",
            ["RecordType == \"ExchangeAdmin\""],
            "TimeGenerated, RecordType, OfficeWorkload, Operation, UserId, ClientIP, ResultStatus, OfficeObjectId, "
                + "Parameters = tostring(Parameters)",
            "UserId",
            computerColumn: null
        );

    /// <summary>Sign-ins as entity–IP pairs (<c>SigninLogs</c>).</summary>
    public static SentinelQuery SignIns { get; } =
        Raw(
            DataSets.SignIns,
            "SigninLogs",
            [],
            "TimeGenerated, UserPrincipalName, IPAddress, Location, AppDisplayName, ResultType = tostring(ResultType)",
            "UserPrincipalName",
            computerColumn: null
        );

    /// <summary>The user directory from <c>IdentityInfo</c> (latest record per account over the last 14 days).
    /// <c>AccountKind</c> is a heuristic: accounts without a display name or named <c>svc*</c> are <c>Service</c>.
    /// An account filter applies to <c>AccountUPN</c> (the output's <c>UserPrincipalName</c>) before the
    /// <c>summarize</c>: the rows are grouped by that column, so keeping or dropping rows by it keeps or drops whole
    /// groups and each kept account still gets its latest record of the 14 days, while only its rows are
    /// aggregated.</summary>
    public static SentinelQuery UserDirectory { get; } =
        new(
            DataSets.UserDirectory,
            "IdentityInfo",
            [$"TimeGenerated > ago({IdentityInfoLookbackDays}d)"],
            "summarize arg_max(TimeGenerated, *) by AccountUPN"
                + "\n| project Account = strcat(AccountDomain, \"\\\\\", AccountName), UserPrincipalName = AccountUPN, "
                + "DisplayName = AccountDisplayName, Department, Title = JobTitle, Manager = tostring(Manager), "
                + "AccountKind = iff(isempty(AccountDisplayName) or AccountName startswith \"svc\", \"Service\", "
                + "\"Human\"), "
                + "PrivilegedGroups = strcat_array(GroupMembership, \";\")",
            [
                "Account",
                "UserPrincipalName",
                "DisplayName",
                "Department",
                "Title",
                "Manager",
                "AccountKind",
                "PrivilegedGroups",
            ],
            "AccountUPN",
            computerColumn: null,
            timeFiltered: false
        );

    /// <summary>Security alerts per account entity (<see cref="SecurityAlert"/>): the latest record of each alert
    /// (a status change writes a new one), one row per entity of type <c>account</c> in its <c>Entities</c> JSON, the
    /// account written as <c>NTDomain\Name</c>, else <c>Name@UPNSuffix</c>, else <c>Name</c>. Not filtered by account
    /// in the workspace (the account is inside the JSON); the account summary picks the account's rows.</summary>
    public static SentinelQuery SecurityAlerts { get; } =
        new(
            DataSets.SecurityAlerts,
            "SecurityAlert",
            [],
            "summarize arg_max(TimeGenerated, *) by SystemAlertId"
                + AccountEntities
                + "\n| project TimeGenerated, SystemAlertId, AlertName, AlertSeverity, ProviderName, Status, "
                + "Tactics, CompromisedEntity, "
                + "Description, Account",
            [
                "TimeGenerated",
                "SystemAlertId",
                "AlertName",
                "AlertSeverity",
                "ProviderName",
                "Status",
                "Tactics",
                "CompromisedEntity",
                "Description",
                "Account",
            ],
            accountColumn: null,
            computerColumn: null
        );

    /// <summary>Hunting bookmarks per account entity (<see cref="HuntingBookmark"/>): the latest version of each
    /// bookmark (<c>LastUpdatedTime</c>), deleted ones left out, one row per account entity of its <c>Entities</c> JSON
    /// (written as for <see cref="SecurityAlerts"/>). Not filtered by account in the workspace.</summary>
    public static SentinelQuery HuntingBookmarks { get; } =
        new(
            DataSets.HuntingBookmarks,
            "HuntingBookmark",
            [],
            "summarize arg_max(LastUpdatedTime, *) by BookmarkId\n| where SoftDeleted == false"
                + AccountEntities
                + "\n| project TimeGenerated, BookmarkId, BookmarkName, EventTime, Tags, Notes, Account",
            ["TimeGenerated", "BookmarkId", "BookmarkName", "EventTime", "Tags", "Notes", "Account"],
            accountColumn: null,
            computerColumn: null
        );

    /// <summary>Every named query.</summary>
    public static IReadOnlyList<SentinelQuery> All { get; } =
    [
        FileShareAccess,
        ShareAccessCounts,
        DailyShareAccess,
        Logons,
        DailyLogons,
        DailyLogonCounts,
        OutboundBytes,
        ProcessCreation,
        ExchangeAdmin,
        SignIns,
        UserDirectory,
        SecurityAlerts,
        HuntingBookmarks,
    ];

    /// <summary>Expands the <c>Entities</c> JSON array to one row per account entity with its <c>Account</c>
    /// name.</summary>
    private const string AccountEntities =
        "\n| mv-expand Entity = parse_json(Entities)"
        + "\n| where tostring(Entity.Type) =~ \"account\""
        + "\n| extend Account = case(isnotempty(tostring(Entity.NTDomain)), strcat(tostring(Entity.NTDomain), "
        + "\"\\\\\", tostring(Entity.Name)), "
        + "isnotempty(tostring(Entity.UPNSuffix)), strcat(tostring(Entity.Name), \"@\", "
        + "tostring(Entity.UPNSuffix)), tostring(Entity.Name))"
        + "\n| where isnotempty(Account)";

    /// <summary>True when <paramref name="dataSet"/> has a named query (<see cref="For"/> would return it).</summary>
    public static bool Has(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return All.Any(query => string.Equals(query.DataSet.Name, dataSet.Name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The named query of a data set.</summary>
    /// <exception cref="NotSupportedException">For data sets a Sentinel workspace does not hold (OCSF network activity,
    /// planted-anomaly labels); the message says where they come from.</exception>
    public static SentinelQuery For(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return All.FirstOrDefault(query =>
                string.Equals(query.DataSet.Name, dataSet.Name, StringComparison.OrdinalIgnoreCase)
            )
            ?? throw new NotSupportedException(
                $"Data set '{dataSet.Name}' has no Sentinel query; expected one of "
                    + $"[{string.Join(", ", All.Select(query => query.DataSet.Name))}]. OCSF data and "
                    + $"planted-anomaly labels "
                    + "come from local files (source 'local', or the provider's LocalDataFolder)."
            );
    }

    private static SentinelQuery Raw(
        DataSet dataSet,
        string table,
        IReadOnlyList<string> filters,
        string projection,
        string? accountColumn,
        string? computerColumn
    ) =>
        new(
            dataSet,
            table,
            filters,
            "project " + projection,
            ProjectedNames(projection),
            accountColumn,
            computerColumn
        );

    // A count/first/last aggregate of SecurityEvent rows by the `by` list: Count, FirstSeen, LastSeen after the keys,
    // ordered by orderBy (ascending); account filter on Account, computer filter on Computer.
    private static SentinelQuery Counted(
        DataSet dataSet,
        IReadOnlyList<string> filters,
        string by,
        params string[] orderBy
    )
    {
        List<string> columns = [.. ProjectedNames(by), "Count", "FirstSeen", "LastSeen"];
        return new(
            dataSet,
            "SecurityEvent",
            filters,
            "summarize Count = count(), FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated) "
                + $"by {by}\n| project {string.Join(", ", columns)}"
                + $"\n| order by {string.Join(", ", orderBy.Select(column => column + " asc"))}",
            columns,
            "Account",
            "Computer"
        );
    }

    private static List<string> ProjectedNames(string projection) =>
        SplitTopLevel(projection).Select(item => item.Split('=')[0].Trim()).ToList();

    private static IEnumerable<string> SplitTopLevel(string projection)
    {
        var depth = 0;
        var start = 0;
        for (var index = 0; index < projection.Length; index++)
        {
            depth += projection[index] switch
            {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            if (projection[index] == ',' && depth == 0)
            {
                yield return projection[start..index];
                start = index + 1;
            }
        }
        yield return projection[start..];
    }
}
