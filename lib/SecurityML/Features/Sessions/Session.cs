namespace SecurityML.Features.Sessions;

/// <summary>One session made by <see cref="Sessionizer"/>: consecutive events of one entity, in time order.</summary>
/// <typeparam name="T">The event type.</typeparam>
/// <param name="Id">0-based session number, in the order of the sorted events (entity, then time), as msticpy's
/// <c>session_ind</c>.</param>
/// <param name="Entity">The entity's key values, one per key column (e.g. user and client address); null where an
/// event had no value.</param>
/// <param name="Start">The first event's time.</param>
/// <param name="End">The last event's time.</param>
/// <param name="Events">The events, in time order (ties keep their input order); never empty.</param>
public sealed record Session<T>(
    int Id,
    IReadOnlyList<string?> Entity,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<T> Events
)
{
    /// <summary>From the first to the last event; zero for a single-event session.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>The number of events (≥ 1).</summary>
    public int Count => Events.Count;

    /// <summary>The entity's key values joined with " | ", for display.</summary>
    public string EntityText => string.Join(" | ", Entity);
}
