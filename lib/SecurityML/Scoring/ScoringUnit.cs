using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>One unit a model scores, built from input lines by a kind's unit builder.</summary>
/// <typeparam name="TInput">The model's input.</typeparam>
/// <param name="Input">The model's input for the unit.</param>
/// <param name="Unit">What the unit is, as JSON (written into alerts).</param>
/// <param name="Lines">The input lines it came from, in order (at least one).</param>
/// <param name="Event">The event itself for per-event units; null for aggregated ones.</param>
public sealed record ScoringUnit<TInput>(TInput Input, JsonObject Unit, IReadOnlyList<long> Lines, JsonObject? Event = null)
{
    /// <summary>Who the unit is about (account, user, computer), for matching labels; null for one-entity series.</summary>
    public string? Entity { get; init; }

    /// <summary>When the unit starts (UTC); null when unknown.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When it ends (exclusive; equal to <see cref="Start"/> for one event); null when unknown.</summary>
    public DateTimeOffset? End { get; init; }
}

/// <summary>The units built from a set of records, and the lines left out or bad on the way.</summary>
/// <typeparam name="TInput">The model's input.</typeparam>
/// <param name="Units">The units to score.</param>
/// <param name="Others">Lines that became no unit: problems and left-out lines.</param>
public sealed record UnitSet<TInput>(IReadOnlyList<ScoringUnit<TInput>> Units, IReadOnlyList<UnitResult> Others)
{
    /// <summary>Units only.</summary>
    public UnitSet(IReadOnlyList<ScoringUnit<TInput>> units) : this(units, []) { }
}

/// <summary>An input line read into a kind's record type.</summary>
/// <typeparam name="TRecord">The record type, e.g. <c>LogonEvent</c>.</typeparam>
/// <param name="Line">The 1-based line.</param>
/// <param name="Record">The record.</param>
/// <param name="Event">The event it was read from.</param>
public readonly record struct LineRecord<TRecord>(long Line, TRecord Record, JsonObject Event);
