namespace SecurityML.Detection.Clustering;

/// <summary>Which first and last event times a noise row of a <see cref="ClusterSummary"/> carries.</summary>
public enum NoiseEventTimes
{
    /// <summary>msticpy's behaviour (the default): every noise row gets the first and last time of all noise rows
    /// together, so the columns say nothing about the row itself.</summary>
    WholeNoiseSet,

    /// <summary>Each noise row gets its own event time as first and last time (a cluster of one).</summary>
    OwnEvent,
}
