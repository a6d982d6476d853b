namespace SecurityML.Data;

/// <summary>
/// One alert raised by a detector, with the entity context and enrichment an analyst looks at when triaging it:
/// the columns of Sentinel's <c>SecurityAlert</c> table (<c>TimeGenerated</c>, <c>SystemAlertId</c>,
/// <c>AlertName</c>, <c>ProviderName</c>, <c>CompromisedEntity</c>) plus numeric context columns.
/// </summary>
public sealed record TriageAlert
{
    /// <summary>When the alert was raised (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The alert's unique id (a GUID, as in <c>SecurityAlert.SystemAlertId</c>).</summary>
    public string SystemAlertId { get; init; } = "";

    /// <summary>The detector's alert name, e.g. <c>Anomalous logon account-day</c>.</summary>
    public string AlertName { get; init; } = "";

    /// <summary>Who raised it; <c>SecurityML</c> for the library's detectors.</summary>
    public string ProviderName { get; init; } = "";

    /// <summary>The account the alert is about, e.g. <c>CONTOSO\anna.berg</c>.</summary>
    public string CompromisedEntity { get; init; } = "";

    /// <summary>The host the alert is about.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The detector's anomaly score rescaled to [0, 1] (its rank among the detector's training scores),
    /// higher = more anomalous.</summary>
    public double AnomalyScore { get; init; }

    /// <summary><c>Human</c> or <c>Service</c> (from the user directory).</summary>
    public string AccountKind { get; init; } = "";

    /// <summary>True when the account is in a privileged group (Domain Admins, Backup Operators, …).</summary>
    public bool IsPrivileged { get; init; }

    /// <summary>How critical the host is, 1 (a workstation) to 5 (a domain controller).</summary>
    public int AssetCriticality { get; init; }

    /// <summary>Alerts on the same account in the 7 days before this one.</summary>
    public int EntityAlerts7d { get; init; }

    /// <summary>Distinct detectors that alerted on the account in the 24 hours up to and including this
    /// alert.</summary>
    public int DistinctDetectors24h { get; init; }

    /// <summary>True when an address in the alert matched a threat-intelligence indicator.</summary>
    public bool ThreatIntelMatch { get; init; }

    /// <summary>True when the alert's activity happened outside 07:00–19:00 UTC on a working day.</summary>
    public bool OffHours { get; init; }
}
