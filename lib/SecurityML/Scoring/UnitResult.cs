using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>
/// What became of some input lines: a scored unit, a problem (the lines cannot be used or the unit cannot be scored:
/// reported and counted as bad lines), or lines the model's input rules leave out (counted, not reported one by one,
/// e.g. machine-account logons an account-day model never sees).
/// </summary>
public sealed record UnitResult
{
    /// <summary>The input lines of the unit (at least one), in order.</summary>
    public required IReadOnlyList<long> Lines { get; init; }

    /// <summary>What was scored, e.g. <c>{"user": …, "resource": …, "day": …}</c>; empty for problems.</summary>
    public JsonObject Unit { get; init; } = new();

    /// <summary>The score (higher = more anomalous); NaN for problems and left-out lines.</summary>
    public double Score { get; init; } = double.NaN;

    /// <summary>Why the lines are bad (reported with the first line); null otherwise.</summary>
    public string? Problem { get; init; }

    /// <summary>Why the lines are left out (counted by reason, not reported); null otherwise.</summary>
    public string? LeftOut { get; init; }

    /// <summary>The event itself, for per-event units; null for aggregated units.</summary>
    public JsonObject? Event { get; init; }

    /// <summary>Who the unit is about (account, user, computer); null when unknown or for one-entity series.</summary>
    public string? Entity { get; init; }

    /// <summary>When the unit starts (UTC); null when unknown.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When it ends (exclusive; equal to <see cref="Start"/> for one event); null when unknown.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Builds the explanation of the unit's score (called for alerts only, as it may be costly); null when the
    /// kind has none.</summary>
    public Func<JsonObject>? Explain { get; init; }

    /// <summary>How the model scored the unit when it says (e.g. an IP embedding's <c>UnseenEntity</c>); null
    /// otherwise.</summary>
    public string? Status { get; init; }

    /// <summary>A problem result.</summary>
    public static UnitResult Bad(IReadOnlyList<long> lines, string problem) =>
        new() { Lines = lines, Problem = problem };

    /// <summary>A left-out result.</summary>
    public static UnitResult Skipped(IReadOnlyList<long> lines, string reason) =>
        new() { Lines = lines, LeftOut = reason };
}
