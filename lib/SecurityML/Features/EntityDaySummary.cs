namespace SecurityML.Features;

/// <summary>Activity of one entity on one UTC day (see
/// <see cref="EntityAggregation.SummarizeByEntityAndDay{T}"/>).</summary>
/// <param name="Entity">The entity, e.g. an account.</param>
/// <param name="Day">The UTC calendar day.</param>
/// <param name="Count">How many rows the entity has that day; at least 1 (days without rows are absent).</param>
/// <param name="DistinctCount">How many distinct values (e.g. computers) that day; 0 when no value selector was
/// given.</param>
/// <param name="FirstSeen">The earliest row time that day (UTC).</param>
/// <param name="LastSeen">The latest row time that day (UTC).</param>
public sealed record EntityDaySummary(
    string Entity,
    DateOnly Day,
    long Count,
    long DistinctCount,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen
)
{
    /// <summary>By entity (ordinal), then day: the order <c>SummarizeByEntityAndDay</c> gives, for rows built
    /// elsewhere (SQL, a workspace).</summary>
    internal static List<EntityDaySummary> InEntityDayOrder(IEnumerable<EntityDaySummary> rows) =>
        rows.OrderBy(summary => summary.Entity, StringComparer.Ordinal).ThenBy(summary => summary.Day).ToList();
}
