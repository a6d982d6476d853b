namespace SecurityML.Detection.IsolationForest;

/// <summary>An account's network logons on one computer in a window (msticnb's host logon summary).</summary>
public sealed record AccountHostLogons
{
    /// <summary>The target computer (as logged, e.g. an FQDN).</summary>
    public string Computer { get; init; } = "";

    /// <summary>Successful logons (4624).</summary>
    public int SuccessfulLogons { get; init; }

    /// <summary>Failed logons (4625).</summary>
    public int FailedLogons { get; init; }

    /// <summary>The logon types seen, ascending, comma-separated, e.g. <c>3</c>.</summary>
    public string LogonTypes { get; init; } = "";

    /// <summary>Source hosts (workstation names, else addresses), most logons first, comma-separated.</summary>
    public string Sources { get; init; } = "";

    /// <summary>The first logon on this computer in the window (UTC).</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The last logon on this computer in the window (UTC).</summary>
    public DateTimeOffset LastSeen { get; init; }
}
