namespace SecurityML.Data;

/// <summary>
/// A security alert that names an account, with the Sentinel <c>SecurityAlert</c> column names; one row per alert and
/// account entity (an alert about two accounts gives two rows with the same <see cref="SystemAlertId"/>), as the named
/// query <c>SentinelQueries.SecurityAlerts</c> returns it. Every text comes from the alert's product or a log and is
/// attacker-controlled: display it through the library's table type, which encodes it.
/// </summary>
public sealed record SecurityAlert
{
    /// <summary>When the alert was generated (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The alert's unique id (a GUID string).</summary>
    public string SystemAlertId { get; init; } = "";

    /// <summary>The alert's name, e.g. <c>Suspected brute-force attack (Kerberos, NTLM)</c>.</summary>
    public string AlertName { get; init; } = "";

    /// <summary><c>High</c>, <c>Medium</c>, <c>Low</c> or <c>Informational</c>.</summary>
    public string AlertSeverity { get; init; } = "";

    /// <summary>The product that raised it, e.g. <c>Azure Advanced Threat Protection</c>.</summary>
    public string ProviderName { get; init; } = "";

    /// <summary>The alert's status: <c>New</c>, <c>InProgress</c>, <c>Resolved</c> or <c>Dismissed</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>MITRE ATT&amp;CK tactics, comma-separated, e.g. <c>LateralMovement</c>; empty when none.</summary>
    public string Tactics { get; init; } = "";

    /// <summary>The entity the product reports as compromised (an account, host or address).</summary>
    public string CompromisedEntity { get; init; } = "";

    /// <summary>The alert's description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The account entity of this row as <c>DOMAIN\name</c> (as <see cref="LogonEvent.Account"/>), or
    /// <c>name@suffix</c> for cloud accounts.</summary>
    public string Account { get; init; } = "";
}
