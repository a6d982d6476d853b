namespace SecurityML.Data;

/// <summary>
/// A process creation from the Sentinel <c>SecurityEvent</c> table, event 4688 (a new process has been created).
/// Property names are the table's column names.
/// </summary>
public sealed record ProcessCreationEvent
{
    /// <summary>When the event was logged (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>Always 4688.</summary>
    public int EventID { get; init; }

    /// <summary>The host the process started on.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The account that started the process as <c>DOMAIN\name</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary>The starting account's name without domain.</summary>
    public string SubjectUserName { get; init; } = "";

    /// <summary>The starting account's domain.</summary>
    public string SubjectDomainName { get; init; } = "";

    /// <summary>The starting logon session in hexadecimal; <c>0x3e7</c> is the local system session.</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>The new process identifier in hexadecimal.</summary>
    public string NewProcessId { get; init; } = "";

    /// <summary>The new process's full path.</summary>
    public string NewProcessName { get; init; } = "";

    /// <summary>The parent process identifier in hexadecimal.</summary>
    public string ProcessId { get; init; } = "";

    /// <summary>The parent process's full path.</summary>
    public string ParentProcessName { get; init; } = "";

    /// <summary>The full command line, including arguments.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>The token elevation type: <c>%%1936</c> full, <c>%%1937</c> elevated, <c>%%1938</c> limited.</summary>
    public string TokenElevationType { get; init; } = "";
}
