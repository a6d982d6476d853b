namespace SecurityML.Features;

/// <summary>
/// Streaming aggregations per entity: row counts, distinct-value counts and first/last times, per entity or per
/// entity and UTC day. Rows are consumed one at a time, so memory grows with the number of groups and distinct
/// values, not with the number of rows: millions of rows stream through in constant memory per group.
/// </summary>
/// <remarks>
/// Results are sorted by entity (ordinal, or by <c>entityComparer</c>) and then day. An empty stream gives an empty
/// list. Entities are compared with <c>entityComparer</c> (default ordinal: Windows account names are
/// case-insensitive, so pass <see cref="StringComparer.OrdinalIgnoreCase"/> for them if the source mixes case); the
/// first spelling seen is reported. Distinct values are compared ordinally.
/// </remarks>
public static class EntityAggregation
{
    /// <summary>Summarises each entity over the whole stream.</summary>
    /// <param name="rows">The rows; enumerated once.</param>
    /// <param name="entityOf">The entity of a row, e.g. <c>row => row.Account</c>; must not return null.</param>
    /// <param name="timeOf">The time of a row, e.g. <c>row => row.TimeGenerated</c>.</param>
    /// <param name="distinctValueOf">Optional value whose distinct count is wanted, e.g.
    /// <c>row => row.Computer</c>.</param>
    /// <param name="entityComparer">How entities are compared; default ordinal.</param>
    public static IReadOnlyList<EntitySummary> SummarizeByEntity<T>(
        this IEnumerable<T> rows,
        Func<T, string> entityOf,
        Func<T, DateTimeOffset> timeOf,
        Func<T, string>? distinctValueOf = null,
        StringComparer? entityComparer = null
    )
    {
        var comparer = entityComparer ?? StringComparer.Ordinal;
        var groups = Accumulate(rows, entityOf, timeOf, distinctValueOf, row => entityOf(row), comparer);
        return groups
            .OrderBy(pair => pair.Key, comparer)
            .Select(pair => new EntitySummary(
                pair.Value.Entity,
                pair.Value.Count,
                pair.Value.DistinctCount,
                pair.Value.First,
                pair.Value.Last
            ))
            .ToList();
    }

    /// <summary>Summarises each entity on each UTC day it has rows.</summary>
    /// <inheritdoc cref="SummarizeByEntity{T}"/>
    public static IReadOnlyList<EntityDaySummary> SummarizeByEntityAndDay<T>(
        this IEnumerable<T> rows,
        Func<T, string> entityOf,
        Func<T, DateTimeOffset> timeOf,
        Func<T, string>? distinctValueOf = null,
        StringComparer? entityComparer = null
    )
    {
        var comparer = entityComparer ?? StringComparer.Ordinal;
        var keyComparer = new EntityDayComparer(comparer);
        var groups = Accumulate(
            rows,
            entityOf,
            timeOf,
            distinctValueOf,
            row => (Entity: entityOf(row), Day: DateOnly.FromDateTime(timeOf(row).UtcDateTime)),
            keyComparer
        );
        return groups
            .OrderBy(pair => pair.Key.Entity, comparer)
            .ThenBy(pair => pair.Key.Day)
            .Select(pair => new EntityDaySummary(
                pair.Value.Entity,
                pair.Key.Day,
                pair.Value.Count,
                pair.Value.DistinctCount,
                pair.Value.First,
                pair.Value.Last
            ))
            .ToList();
    }

    /// <summary>Counts rows per time bucket (e.g. per hour), for time series; empty buckets are absent.</summary>
    /// <param name="rows">The rows; enumerated once.</param>
    /// <param name="timeOf">The time of a row.</param>
    /// <param name="bucket">The bucket width; buckets start at multiples of it from 0001-01-01 UTC (so hours and
    /// days align to the clock); must be positive.</param>
    /// <returns>Bucket start (UTC) and row count, sorted by time.</returns>
    public static IReadOnlyList<KeyValuePair<DateTimeOffset, long>> CountByTimeBucket<T>(
        this IEnumerable<T> rows,
        Func<T, DateTimeOffset> timeOf,
        TimeSpan bucket
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(timeOf);
        if (bucket <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bucket),
                bucket,
                $"The bucket must be positive; received {bucket}."
            );
        }
        var counts = new Dictionary<long, long>();
        foreach (var row in rows)
        {
            var ticks = timeOf(row).UtcTicks;
            var start = ticks - ticks % bucket.Ticks;
            counts[start] = counts.GetValueOrDefault(start) + 1;
        }
        return counts
            .OrderBy(pair => pair.Key)
            .Select(pair => new KeyValuePair<DateTimeOffset, long>(
                new DateTimeOffset(pair.Key, TimeSpan.Zero),
                pair.Value
            ))
            .ToList();
    }

    private static Dictionary<TKey, Accumulator> Accumulate<T, TKey>(
        IEnumerable<T> rows,
        Func<T, string> entityOf,
        Func<T, DateTimeOffset> timeOf,
        Func<T, string>? distinctValueOf,
        Func<T, TKey> keyOf,
        IEqualityComparer<TKey> comparer
    )
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entityOf);
        ArgumentNullException.ThrowIfNull(timeOf);
        var groups = new Dictionary<TKey, Accumulator>(comparer);
        foreach (var row in rows)
        {
            var key = keyOf(row);
            if (!groups.TryGetValue(key, out var accumulator))
            {
                var entity =
                    entityOf(row)
                    ?? throw new ArgumentException("The entity selector returned null for a row.", nameof(entityOf));
                accumulator = new Accumulator(entity, distinctValueOf is not null);
                groups.Add(key, accumulator);
            }
            accumulator.Add(timeOf(row).ToUniversalTime(), distinctValueOf?.Invoke(row));
        }
        return groups;
    }

    private sealed class Accumulator(string entity, bool countDistinct)
    {
        private readonly HashSet<string>? _distinct = countDistinct
            ? new HashSet<string>(StringComparer.Ordinal)
            : null;

        public string Entity { get; } = entity;
        public long Count { get; private set; }
        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;
        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;
        public long DistinctCount => _distinct?.Count ?? 0;

        public void Add(DateTimeOffset time, string? value)
        {
            Count++;
            First = time < First ? time : First;
            Last = time > Last ? time : Last;
            if (value is not null)
            {
                _distinct?.Add(value);
            }
        }
    }

    private sealed class EntityDayComparer(StringComparer entityComparer)
        : IEqualityComparer<(string Entity, DateOnly Day)>
    {
        public bool Equals((string Entity, DateOnly Day) x, (string Entity, DateOnly Day) y) =>
            x.Day == y.Day && entityComparer.Equals(x.Entity, y.Entity);

        public int GetHashCode((string Entity, DateOnly Day) key) =>
            HashCode.Combine(entityComparer.GetHashCode(key.Entity), key.Day);
    }
}
