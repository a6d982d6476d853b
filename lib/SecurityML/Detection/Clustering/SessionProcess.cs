namespace SecurityML.Detection.Clustering;

/// <summary>One process created in a logon session, for <see cref="LogonSessionProcesses"/>. The paths and command
/// lines come from logs: show them through the library's table type, which encodes them.</summary>
public sealed record SessionProcess
{
    /// <summary>The host.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The logon session, hexadecimal.</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>When the process was created (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>Time since the session's first process creation; zero for the first.</summary>
    public TimeSpan SinceSessionStart { get; init; }

    /// <summary>The parent process path.</summary>
    public string ParentProcessName { get; init; } = "";

    /// <summary>The new process path.</summary>
    public string NewProcessName { get; init; } = "";

    /// <summary>The command line.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>True when this event is one of the session's rare patterns (a rare summary row's event).</summary>
    public bool IsRare { get; init; }
}
