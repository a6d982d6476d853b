using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>One unit a model scores, built from input lines by a kind's unit builder.</summary>
/// <typeparam name="TInput">The model's input.</typeparam>
/// <param name="Input">The model's input for the unit.</param>
/// <param name="Unit">What the unit is, as JSON (written into alerts).</param>
/// <param name="Lines">The input lines it came from, in order (at least one).</param>
/// <param name="Event">The event itself for per-event units; null for aggregated ones.</param>
public sealed record ScoringUnit<TInput>(
    TInput Input,
    JsonObject Unit,
    IReadOnlyList<long> Lines,
    JsonObject? Event = null
)
{
    /// <summary>Who the unit is about (account, user, computer), for matching labels; null for one-entity
    /// series.</summary>
    public string? Entity { get; init; }

    /// <summary>When the unit starts (UTC); null when unknown.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When it ends (exclusive; equal to <see cref="Start"/> for one event); null when unknown.</summary>
    public DateTimeOffset? End { get; init; }
}
