namespace SecurityML.Data;

/// <summary>The data sets of the demo data and of the notebooks, with their file names in a local folder.</summary>
public static class DataSets
{
    /// <summary>Network share accesses, SecurityEvent 5140.</summary>
    public static DataSet<FileShareAccessEvent> FileShareAccess { get; } =
        new(
            "FileShareAccess",
            "FileShareAccess.csv",
            DataFileFormat.Csv,
            "Network share accesses (SecurityEvent 5140).",
            row => row.TimeGenerated
        );

    /// <summary>The organisation's accounts with department, manager, title and privileged groups.</summary>
    public static DataSet<UserDirectoryEntry> UserDirectory { get; } =
        new(
            "UserDirectory",
            "UserDirectory.csv",
            DataFileFormat.Csv,
            "Accounts with department, manager, title and privileged groups.",
            timeOf: null
        );

    /// <summary>Network logons, SecurityEvent 4624 and 4625 with LogonType 3.</summary>
    public static DataSet<LogonEvent> Logons { get; } =
        new(
            "Logons",
            "Logons.csv",
            DataFileFormat.Csv,
            "Network logons and failed logons (SecurityEvent 4624/4625, LogonType 3).",
            row => row.TimeGenerated
        );

    /// <summary>Bytes sent out of the network per hour.</summary>
    public static DataSet<HourlyOutboundBytes> OutboundBytes { get; } =
        new(
            "OutboundBytes",
            "OutboundBytes.csv",
            DataFileFormat.Csv,
            "Outbound bytes per hour (TimeGenerated, TotalBytesSent).",
            row => row.TimeGenerated
        );

    /// <summary>Process creations, SecurityEvent 4688.</summary>
    public static DataSet<ProcessCreationEvent> ProcessCreation { get; } =
        new(
            "ProcessCreation",
            "ProcessCreation.csv",
            DataFileFormat.Csv,
            "Process creations with command lines (SecurityEvent 4688).",
            row => row.TimeGenerated
        );

    /// <summary>Exchange admin operations, OfficeActivity with RecordType ExchangeAdmin.</summary>
    public static DataSet<OfficeActivityEvent> ExchangeAdmin { get; } =
        new(
            "ExchangeAdmin",
            "ExchangeAdmin.csv",
            DataFileFormat.Csv,
            "Exchange admin operations with parameters (OfficeActivity, ExchangeAdmin).",
            row => row.TimeGenerated
        );

    /// <summary>Sign-ins as user–IP pairs, SigninLogs columns.</summary>
    public static DataSet<SignInEvent> SignIns { get; } =
        new(
            "SignIns",
            "SignIns.csv",
            DataFileFormat.Csv,
            "Sign-ins as user–IP pairs (SigninLogs columns).",
            row => row.TimeGenerated
        );

    /// <summary>The same sign-ins as OCSF Network Activity (class 4001) events, JSON Lines.</summary>
    public static DataSet<OcsfNetworkActivity> NetworkActivity { get; } =
        new(
            "NetworkActivity",
            "NetworkActivity.ocsf.jsonl",
            DataFileFormat.JsonLines,
            "Connections as OCSF Network Activity events (class 4001), one JSON object per line.",
            row => row.TimeUtc
        );

    /// <summary>Security alerts that name an account, one row per alert and account (SecurityAlert columns). Context
    /// for investigations: no anomalies are planted in it, so it has no labels file.</summary>
    public static DataSet<SecurityAlert> SecurityAlerts { get; } =
        new(
            "SecurityAlerts",
            "SecurityAlerts.csv",
            DataFileFormat.Csv,
            "Security alerts per account entity (SecurityAlert columns).",
            row => row.TimeGenerated
        );

    /// <summary>Hunting bookmarks that name an account, one row per bookmark and account (HuntingBookmark columns).
    /// Context for investigations, without labels.</summary>
    public static DataSet<HuntingBookmark> HuntingBookmarks { get; } =
        new(
            "HuntingBookmarks",
            "HuntingBookmarks.csv",
            DataFileFormat.Csv,
            "Analysts' hunting bookmarks per account entity (HuntingBookmark columns).",
            row => row.TimeGenerated
        );

    /// <summary>Outbound connections of EC2 instances as hourly VPC flow log records, OCSF Network Activity (class
    /// 4001, activity 6 traffic, with <c>traffic</c> bytes and packets), as Amazon Security Lake stores them; JSON
    /// Lines.</summary>
    public static DataSet<OcsfNetworkActivity> HostNetworkActivity { get; } =
        new(
            "HostNetworkActivity",
            "HostNetworkActivity.ocsf.jsonl",
            DataFileFormat.JsonLines,
            "EC2 instances' outbound connections as OCSF Network Activity traffic records (class 4001, VPC flow logs).",
            row => row.TimeUtc
        );

    /// <summary>Process launches on EC2 instances, OCSF Process Activity (class 1007) from a host sensor; JSON
    /// Lines.</summary>
    public static DataSet<OcsfProcessActivity> HostProcessActivity { get; } =
        new(
            "HostProcessActivity",
            "HostProcessActivity.ocsf.jsonl",
            DataFileFormat.JsonLines,
            "Process launches on EC2 instances as OCSF Process Activity events (class 1007).",
            row => row.TimeUtc
        );

    /// <summary>The detection notebooks' data sets: every labelled data set and the user directory (labels and
    /// <see cref="Investigation"/> excluded).</summary>
    public static IReadOnlyList<DataSet> All { get; } =
    [
        FileShareAccess,
        UserDirectory,
        Logons,
        OutboundBytes,
        ProcessCreation,
        ExchangeAdmin,
        SignIns,
        NetworkActivity,
        HostNetworkActivity,
        HostProcessActivity,
    ];

    /// <summary>The investigation context of an account: <see cref="SecurityAlerts"/> and
    /// <see cref="HuntingBookmarks"/> (no planted anomalies, no labels files).</summary>
    public static IReadOnlyList<DataSet> Investigation { get; } = [SecurityAlerts, HuntingBookmarks];

    /// <summary>The planted-anomaly labels of a data set: <c>{Name}.labels.csv</c>; time is the window start.</summary>
    /// <param name="dataSet">The labelled data set.</param>
    public static DataSet<AnomalyLabel> LabelsOf(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return new DataSet<AnomalyLabel>(
            dataSet.Name + ".Labels",
            dataSet.Name + ".labels.csv",
            DataFileFormat.Csv,
            "Anomalies planted in " + dataSet.Name + ".",
            label => label.WindowStart
        );
    }

    /// <summary>Finds a data set by name (case-insensitive), including <c>{Name}.Labels</c>.</summary>
    /// <exception cref="ArgumentException">When no data set has that name; the message lists the names.</exception>
    public static DataSet Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = All.Concat(Investigation)
            .FirstOrDefault(dataSet => string.Equals(dataSet.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }
        const string suffix = ".Labels";
        if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return LabelsOf(Find(name[..^suffix.Length]));
        }
        throw new ArgumentException(
            $"Unknown data set; expected one of "
                + $"[{string.Join(", ", All.Concat(Investigation).Select(dataSet => dataSet.Name))}] "
                + $"(or '<name>.Labels'), received '{name}'.",
            nameof(name)
        );
    }

    /// <summary>Finds the data set stored as <paramref name="fileName"/> in a local folder (case-insensitive), e.g.
    /// <c>SignIns.csv</c>.</summary>
    /// <exception cref="ArgumentException">When no data set has that file name; the message lists the file
    /// names.</exception>
    public static DataSet ForFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return All.Concat(Investigation)
                .FirstOrDefault(dataSet =>
                    string.Equals(dataSet.FileName, fileName, StringComparison.OrdinalIgnoreCase)
                )
            ?? throw new ArgumentException(
                $"Unknown data file; expected one of "
                    + $"[{string.Join(", ", All.Concat(Investigation).Select(dataSet => dataSet.FileName))}], "
                    + $"received '{fileName}'.",
                nameof(fileName)
            );
    }
}
