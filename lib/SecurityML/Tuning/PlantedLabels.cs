using SecurityML.Data;
using SecurityML.Features;

namespace SecurityML.Tuning;

/// <summary>Turns labels (planted or analyst-confirmed anomalies) into per-item truth for threshold tuning.</summary>
public static class PlantedLabels
{
    /// <summary>For each entity-day, whether a label of the same entity (exact match) overlaps that UTC day.</summary>
    /// <param name="labels">The labels, e.g. <c>provider.Labels(DataSets.Logons)</c>.</param>
    /// <param name="days">The entity-days scored, in order.</param>
    /// <returns>One flag per day, in the order of <paramref name="days"/>.</returns>
    public static bool[] ForEntityDays(IReadOnlyList<AnomalyLabel> labels, IEnumerable<EntityDaySummary> days)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(days);
        return days.Select(day =>
            {
                var start = new DateTimeOffset(day.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var range = new TimeRange(start, start.AddDays(1));
                return labels.Any(label => label.Covers(day.Entity, range));
            })
            .ToArray();
    }
}
