using System.Globalization;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// Collapses clustered items into one row per cluster plus every noise item, as msticpy's <c>dbcluster_events</c>
/// does: repetitive events shrink to one line each, and what is left alone stands out.
/// </summary>
public static class ClusterSummary
{
    /// <summary>
    /// One row per cluster (its first member in input order, size, first and last event time) and one per noise item,
    /// in msticpy's order: noise items first in input order, then clusters by label.
    /// </summary>
    /// <param name="items">The clustered items; not modified.</param>
    /// <param name="labels">The cluster of each item (<see cref="DbscanResult.Labels"/>), -1 for noise.</param>
    /// <param name="eventTime">The time of an item.</param>
    /// <param name="noiseEventTimes">The times noise rows carry; msticpy's <see cref="NoiseEventTimes.WholeNoiseSet"/>
    /// by default.</param>
    /// <returns>No rows for no items.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, or a label is below -1.</exception>
    public static IReadOnlyList<ClusterSummaryRow<T>> Summarize<T>(
        IReadOnlyList<T> items,
        IReadOnlyList<int> labels,
        Func<T, DateTimeOffset> eventTime,
        NoiseEventTimes noiseEventTimes = NoiseEventTimes.WholeNoiseSet
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(eventTime);
        if (labels.Count != items.Count)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{nameof(labels)} must have one label per item ({items.Count}); received {labels.Count}."
                ),
                nameof(labels)
            );
        }
        var groups = new SortedDictionary<int, List<int>>();
        for (int index = 0; index < labels.Count; index++)
        {
            if (labels[index] < Dbscan.NoiseLabel)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{nameof(labels)}[{index}] is {labels[index]}; expected -1 (noise) or a cluster label ≥ 0."
                    ),
                    nameof(labels)
                );
            }
            if (!groups.TryGetValue(labels[index], out var members))
                groups.Add(labels[index], members = []);
            members.Add(index);
        }
        var rows = new List<ClusterSummaryRow<T>>();
        foreach ((int label, List<int> members) in groups)
        {
            var times = members.Select(index => eventTime(items[index])).ToArray();
            if (label != Dbscan.NoiseLabel)
            {
                rows.Add(Row(items, members[0], label, members.Count, times.Min(), times.Max()));
                continue;
            }
            for (int position = 0; position < members.Count; position++)
            {
                bool own = noiseEventTimes == NoiseEventTimes.OwnEvent;
                rows.Add(
                    Row(
                        items,
                        members[position],
                        label,
                        1,
                        own ? times[position] : times.Min(),
                        own ? times[position] : times.Max()
                    )
                );
            }
        }
        return rows;
    }

    /// <summary>The rows of clusters of at most <paramref name="maximumClusterSize"/> items (noise included), rarest
    /// first, then by first event time and input position.</summary>
    /// <param name="rows">Summary rows.</param>
    /// <param name="maximumClusterSize">The largest cluster still called rare; ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumClusterSize"/> is below 1.</exception>
    public static IReadOnlyList<ClusterSummaryRow<T>> Rarest<T>(
        IEnumerable<ClusterSummaryRow<T>> rows,
        int maximumClusterSize
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (maximumClusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maximumClusterSize),
                maximumClusterSize,
                $"{nameof(maximumClusterSize)} must be at least 1; received {maximumClusterSize}."
            );
        }
        return rows.Where(row => row.ClusterSize <= maximumClusterSize)
            .OrderBy(row => row.ClusterSize)
            .ThenBy(row => row.FirstEventTime)
            .ThenBy(row => row.Index)
            .ToList();
    }

    /// <summary>
    /// The rows whose event a model flagged (e.g. <see cref="DbscanModel.Detect"/> of the clustered rows, with a
    /// threshold from <see cref="DbscanModel.WithRareClusterSize"/>), in the order of <see cref="Rarest{T}"/>: smallest
    /// cluster first, then first event time, then index. A row stands for its cluster, so its
    /// <see cref="ClusterSummaryRow{T}.Index"/> picks the flag.
    /// </summary>
    /// <param name="rows">Rows of <see cref="Summarize{T}"/>.</param>
    /// <param name="flags">One flag per summarised item (by item index).</param>
    /// <exception cref="ArgumentException">A row's index has no flag.</exception>
    public static IReadOnlyList<ClusterSummaryRow<T>> Flagged<T>(
        IEnumerable<ClusterSummaryRow<T>> rows,
        IReadOnlyList<bool> flags
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(flags);
        var list = rows.ToList();
        var outside = list.FirstOrDefault(row => row.Index < 0 || row.Index >= flags.Count);
        if (outside is not null)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{nameof(flags)} must have one flag per summarised item; row of item {outside.Index} has none "
                ) + string.Create(CultureInfo.InvariantCulture, $"(received {flags.Count} flags)."),
                nameof(flags)
            );
        }
        return list.Where(row => flags[row.Index])
            .OrderBy(row => row.ClusterSize)
            .ThenBy(row => row.FirstEventTime)
            .ThenBy(row => row.Index)
            .ToList();
    }

    private static ClusterSummaryRow<T> Row<T>(
        IReadOnlyList<T> items,
        int index,
        int label,
        int size,
        DateTimeOffset first,
        DateTimeOffset last
    ) =>
        new()
        {
            Item = items[index],
            Index = index,
            Clustered = label != Dbscan.NoiseLabel,
            ClusterId = label,
            ClusterSize = size,
            FirstEventTime = first,
            LastEventTime = last,
        };
}
