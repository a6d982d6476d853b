namespace SecurityML.Data;

/// <summary>
/// A Windows logon event from the Sentinel <c>SecurityEvent</c> table: 4624 (an account was successfully logged on)
/// or 4625 (an account failed to log on). Property names are the table's column names.
/// </summary>
public sealed record LogonEvent
{
    /// <summary>When the event was logged (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>4624 (success) or 4625 (failure).</summary>
    public int EventID { get; init; }

    /// <summary>The event's description, e.g. <c>4624 - An account was successfully logged on.</c></summary>
    public string Activity { get; init; } = "";

    /// <summary>The computer the account logged on to (fully qualified), e.g. <c>FS01.contoso.local</c>.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The account as <c>DOMAIN\name</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary><c>User</c> or <c>Machine</c>; service accounts are <c>User</c> as in Windows.</summary>
    public string AccountType { get; init; } = "";

    /// <summary>The account name without domain.</summary>
    public string TargetUserName { get; init; } = "";

    /// <summary>The account's domain, e.g. <c>CONTOSO</c>.</summary>
    public string TargetDomainName { get; init; } = "";

    /// <summary>The logon session identifier in hexadecimal, e.g. <c>0x5f3a2c1</c>; <c>0x0</c> for failures.</summary>
    public string TargetLogonId { get; init; } = "";

    /// <summary>The logon type; 3 is a network logon.</summary>
    public int LogonType { get; init; }

    /// <summary>The logon process, e.g. <c>Kerberos</c> or <c>NtLmSsp</c>.</summary>
    public string LogonProcessName { get; init; } = "";

    /// <summary>The authentication package, <c>Kerberos</c> or <c>NTLM</c>.</summary>
    public string AuthenticationPackageName { get; init; } = "";

    /// <summary>The name of the computer the logon came from.</summary>
    public string WorkstationName { get; init; } = "";

    /// <summary>The address the logon came from.</summary>
    public string IpAddress { get; init; } = "";

    /// <summary>The failure status for 4625 (e.g. <c>0xc000006d</c>); <c>0x0</c> for 4624.</summary>
    public string Status { get; init; } = "";

    /// <summary>The failure sub-status for 4625 (e.g. <c>0xc000006a</c> bad password); <c>0x0</c> for 4624.</summary>
    public string SubStatus { get; init; } = "";
}
