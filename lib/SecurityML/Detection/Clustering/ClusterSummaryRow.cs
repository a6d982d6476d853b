namespace SecurityML.Detection.Clustering;

/// <summary>
/// One row of a <see cref="ClusterSummary"/>: a cluster represented by its first member, or one noise item
/// (msticpy's <c>dbcluster_events</c> output: <c>Clustered</c>, <c>ClusterId</c>, <c>ClusterSize</c>,
/// <c>FirstEventTime</c>, <c>LastEventTime</c>).
/// </summary>
/// <typeparam name="T">The clustered item, e.g. a process feature row.</typeparam>
public sealed record ClusterSummaryRow<T>
{
    /// <summary>The cluster's first member in input order, or the noise item.</summary>
    public required T Item { get; init; }

    /// <summary>The position of <see cref="Item"/> in the input.</summary>
    public int Index { get; init; }

    /// <summary>True for a cluster, false for a noise item.</summary>
    public bool Clustered { get; init; }

    /// <summary>The cluster label, or <see cref="Dbscan.NoiseLabel"/> (-1) for noise.</summary>
    public int ClusterId { get; init; }

    /// <summary>The number of items in the cluster; 1 for noise.</summary>
    public int ClusterSize { get; init; }

    /// <summary>The earliest event time in the cluster (for noise see <see cref="NoiseEventTimes"/>).</summary>
    public DateTimeOffset FirstEventTime { get; init; }

    /// <summary>The latest event time in the cluster (for noise see <see cref="NoiseEventTimes"/>).</summary>
    public DateTimeOffset LastEventTime { get; init; }

    /// <summary>1 / <see cref="ClusterSize"/>, in (0, 1]: higher = rarer = more anomalous; 1 for noise.</summary>
    public double Rarity => 1.0 / ClusterSize;
}
