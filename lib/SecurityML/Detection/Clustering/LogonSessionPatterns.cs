namespace SecurityML.Detection.Clustering;

/// <summary>The rare process patterns of one logon session (host and <c>SubjectLogonId</c>), from
/// <see cref="ProcessClusterReport.ByLogonSession"/>.</summary>
public sealed record LogonSessionPatterns
{
    /// <summary>The host.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The account of the session's first rare event.</summary>
    public string Account { get; init; } = "";

    /// <summary>The logon session, hexadecimal (<c>0x3e7</c> is SYSTEM).</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>The number of rare patterns (summary rows) in the session.</summary>
    public int RarePatterns { get; init; }

    /// <summary>The sum of the patterns' rarities: the sort key, higher first.</summary>
    public double TotalRarity { get; init; }

    /// <summary>The earliest event time of the session's rare patterns.</summary>
    public DateTimeOffset FirstEventTime { get; init; }

    /// <summary>The latest event time of the session's rare patterns.</summary>
    public DateTimeOffset LastEventTime { get; init; }

    /// <summary>The command lines of the rare patterns, in time order.</summary>
    public IReadOnlyList<string> CommandLines { get; init; } = [];
}
