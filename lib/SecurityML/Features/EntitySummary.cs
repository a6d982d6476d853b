namespace SecurityML.Features;

/// <summary>Activity of one entity over a whole stream of rows (see
/// <see cref="EntityAggregation.SummarizeByEntity{T}"/>).</summary>
/// <param name="Entity">The entity, e.g. an account.</param>
/// <param name="Count">How many rows the entity has; at least 1.</param>
/// <param name="DistinctCount">How many distinct values (e.g. computers) the entity has; 0 when no value selector was
/// given.</param>
/// <param name="FirstSeen">The earliest row time (UTC).</param>
/// <param name="LastSeen">The latest row time (UTC).</param>
public sealed record EntitySummary(
    string Entity,
    long Count,
    long DistinctCount,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen
);
