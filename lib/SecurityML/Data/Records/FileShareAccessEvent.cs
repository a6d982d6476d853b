namespace SecurityML.Data;

/// <summary>
/// A network share access from the Sentinel <c>SecurityEvent</c> table, event 5140 (a network share object was
/// accessed). Property names are the table's column names.
/// </summary>
public sealed record FileShareAccessEvent
{
    /// <summary>When the event was logged (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>Always 5140.</summary>
    public int EventID { get; init; }

    /// <summary>The event's description, <c>5140 - A network share object was accessed.</c></summary>
    public string Activity { get; init; } = "";

    /// <summary>The file server that logged the access, e.g. <c>FS01.contoso.local</c>.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The accessing account as <c>DOMAIN\name</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary>The accessing account's name without domain.</summary>
    public string SubjectUserName { get; init; } = "";

    /// <summary>The accessing account's domain.</summary>
    public string SubjectDomainName { get; init; } = "";

    /// <summary>The accessing logon session in hexadecimal.</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>The client address.</summary>
    public string IpAddress { get; init; } = "";

    /// <summary>The client port.</summary>
    public int IpPort { get; init; }

    /// <summary>The share as <c>\\*\Name</c>.</summary>
    public string ShareName { get; init; } = "";

    /// <summary>The share's local folder on the server, e.g. <c>D:\Shares\Finance</c>.</summary>
    public string ShareLocalPath { get; init; } = "";

    /// <summary>The requested access in hexadecimal, e.g. <c>0x1</c> (read).</summary>
    public string AccessMask { get; init; } = "";
}
