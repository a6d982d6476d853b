namespace SecurityML.Features.Sessions;

/// <summary>
/// Splits events into sessions per entity, with the semantics of msticpy's <c>sessionize_data</c> /
/// <c>create_session_col</c>: events are sorted by the entity's key columns, then time; walking that order, a new
/// session starts when any key value changes, when the gap to the previous event is greater than
/// <see cref="SessionizeOptions.MaximumEventSeparation"/>, or when the time since the session's first event is
/// greater than <see cref="SessionizeOptions.MaximumSessionDuration"/>. Session ids count from 0 in that order.
/// </summary>
/// <remarks>
/// Input need not be sorted: unsorted times are sorted here (a stable sort, so events with the same entity and time
/// keep their input order). Key values are compared ordinally (UTF-16 code units; a null value sorts before every
/// string and forms its own entity). Empty input gives no sessions; one event gives one single-event session.
/// </remarks>
public static class Sessionizer
{
    /// <summary>Groups <paramref name="events"/> into sessions.</summary>
    /// <param name="events">The events, in any order; enumerated once.</param>
    /// <param name="timeOf">The event's time, e.g. <c>e => e.TimeGenerated</c>.</param>
    /// <param name="options">Gap and duration limits; null for the defaults (20 minutes, 2 minutes).</param>
    /// <param name="entityOf">One or more key columns identifying who acts, e.g. <c>e => e.UserId, e => e.ClientIP</c>
    /// (msticpy's <c>user_identifier_cols</c>).</param>
    /// <returns>Sessions ordered by id (entity, then time).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityOf"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<Session<T>> Sessionize<T>(
        IEnumerable<T> events,
        Func<T, DateTimeOffset> timeOf,
        SessionizeOptions? options,
        params Func<T, string?>[] entityOf
    )
    {
        var sorted = Sorted(events, timeOf, entityOf);
        var ids = Assign(sorted, options ?? new SessionizeOptions());
        var sessions = new List<Session<T>>();
        var start = 0;
        for (var index = 1; index <= sorted.Count; index++)
        {
            if (index == sorted.Count || ids[index] != ids[start])
            {
                var members = sorted.GetRange(start, index - start);
                sessions.Add(
                    new Session<T>(
                        ids[start],
                        members[0].Keys,
                        members[0].Time,
                        members[^1].Time,
                        members.Select(member => member.Item).ToList()
                    )
                );
                start = index;
            }
        }
        return sessions;
    }

    /// <summary>The session id of every event, in the input order (msticpy's <c>session_ind</c> column).</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="timeOf">The event's time.</param>
    /// <param name="options">Gap and duration limits; null for the defaults.</param>
    /// <param name="entityOf">One or more key columns identifying who acts.</param>
    /// <returns>One id per event, aligned with <paramref name="events"/>; ids count from 0 in (entity, time)
    /// order.</returns>
    public static int[] SessionIds<T>(
        IReadOnlyList<T> events,
        Func<T, DateTimeOffset> timeOf,
        SessionizeOptions? options,
        params Func<T, string?>[] entityOf
    )
    {
        var sorted = Sorted(events, timeOf, entityOf);
        var ids = Assign(sorted, options ?? new SessionizeOptions());
        var result = new int[sorted.Count];
        for (var index = 0; index < sorted.Count; index++)
        {
            result[sorted[index].Index] = ids[index];
        }
        return result;
    }

    private static List<Keyed<T>> Sorted<T>(
        IEnumerable<T> events,
        Func<T, DateTimeOffset> timeOf,
        Func<T, string?>[] entityOf
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeOf);
        ArgumentNullException.ThrowIfNull(entityOf);
        if (entityOf.Length == 0 || entityOf.Any(column => column is null))
        {
            throw new ArgumentException(
                "Expected at least one non-null entity key column, received none.",
                nameof(entityOf)
            );
        }
        return events
            .Select(
                (item, index) =>
                    new Keyed<T>(item, entityOf.Select(column => column(item)).ToArray(), timeOf(item), index)
            )
            .OrderBy(keyed => keyed, KeyedComparer<T>.Instance)
            .ToList();
    }

    private static int[] Assign<T>(List<Keyed<T>> sorted, SessionizeOptions options)
    {
        options.Validate();
        var ids = new int[sorted.Count];
        var session = 0;
        var elapsed = TimeSpan.Zero;
        for (var index = 1; index < sorted.Count; index++)
        {
            var gap = sorted[index].Time - sorted[index - 1].Time;
            var cumulative = elapsed + gap;
            var isNew =
                !sorted[index].Keys.SequenceEqual(sorted[index - 1].Keys, StringComparer.Ordinal)
                || gap > options.MaximumEventSeparation
                || cumulative > options.MaximumSessionDuration;
            session += isNew ? 1 : 0;
            elapsed = isNew ? TimeSpan.Zero : cumulative;
            ids[index] = session;
        }
        return ids;
    }

    private sealed record Keyed<T>(T Item, string?[] Keys, DateTimeOffset Time, int Index);

    private sealed class KeyedComparer<T> : IComparer<Keyed<T>>
    {
        public static readonly KeyedComparer<T> Instance = new();

        public int Compare(Keyed<T>? left, Keyed<T>? right)
        {
            for (var column = 0; column < left!.Keys.Length; column++)
            {
                var order = string.CompareOrdinal(left.Keys[column], right!.Keys[column]);
                if (order != 0)
                {
                    return order;
                }
            }
            return left.Time.UtcTicks.CompareTo(right!.Time.UtcTicks);
        }
    }
}
