namespace SecurityML.Detection.Clustering;

/// <summary>
/// One row of a process-clustering summary, flat for tables and results files (table <c>ProcessClusters</c>): the
/// representative event's columns (Sentinel <c>SecurityEvent</c> names) and the cluster's size, rarity and times.
/// </summary>
public sealed record ProcessClusterResult
{
    /// <summary>The representative event's time (the cluster's first member in input order, or the noise
    /// event).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The host.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The account that started the process.</summary>
    public string Account { get; init; } = "";

    /// <summary>The logon session, hexadecimal.</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>The parent process path.</summary>
    public string ParentProcessName { get; init; } = "";

    /// <summary>The new process path.</summary>
    public string NewProcessName { get; init; } = "";

    /// <summary>The command line.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>The cluster label, -1 for noise.</summary>
    public int ClusterId { get; init; }

    /// <summary>The cluster size, 1 for noise.</summary>
    public int ClusterSize { get; init; }

    /// <summary>1 / <see cref="ClusterSize"/>: higher = rarer = more anomalous.</summary>
    public double Rarity { get; init; }

    /// <summary>The earliest event of the cluster.</summary>
    public DateTimeOffset FirstEventTime { get; init; }

    /// <summary>The latest event of the cluster.</summary>
    public DateTimeOffset LastEventTime { get; init; }
}
