using SecurityML.Data;

namespace SecurityML.Detection.Sequences;

/// <summary>One session's result from <see cref="SessionRanking.Rank{T}"/>: a flat row for tables and result
/// files.</summary>
/// <param name="Rank">1 = rarest; sessions with a NaN likelihood come last.</param>
/// <param name="SessionId">The session's <c>Session.Id</c>.</param>
/// <param name="Entity">The first entity key (e.g. the user).</param>
/// <param name="Source">The other entity keys joined with " | " (e.g. the client address); empty when there are
/// none.</param>
/// <param name="Start">The session's first event time (UTC).</param>
/// <param name="End">The session's last event time (UTC).</param>
/// <param name="CommandCount">Number of commands in the session.</param>
/// <param name="RarestWindowLikelihood">The reference likelihood in [0, 1], lower = more anomalous; NaN when the
/// session is too short for a window.</param>
/// <param name="Score">−ln(<paramref name="RarestWindowLikelihood"/>): higher = more anomalous; NaN likewise.</param>
/// <param name="RarestWindow">The rarest window's commands, "A → B → C".</param>
/// <param name="Commands">All the session's command names, "A → B → C".</param>
public sealed record ScoredSession(
    int Rank,
    int SessionId,
    string Entity,
    string Source,
    DateTimeOffset Start,
    DateTimeOffset End,
    int CommandCount,
    double RarestWindowLikelihood,
    double Score,
    string RarestWindow,
    string Commands
)
{
    /// <summary>The time the row is about: the session's <see cref="Start"/>, under Log Analytics' time column
    /// name.</summary>
    public DateTimeOffset TimeGenerated => Start;

    /// <summary>True when a label names this session's entity (case-insensitive) and its window overlaps the session
    /// (inclusive of the session's last event).</summary>
    public bool MatchesAny(IEnumerable<AnomalyLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Any(label =>
            label.Covers(Entity, new TimeRange(Start, End.AddTicks(1)), StringComparison.OrdinalIgnoreCase)
        );
    }
}
