using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>
/// A loaded model that scores raw events (JSON objects; CSV rows arrive as objects of strings keyed by the header), so
/// that <c>secml score</c> and other tools can use any model without knowing its input type. A model kind maps the
/// event stream to its <em>scoring units</em>: one event (an IP embedding's sign-in, a process event for DBSCAN), or
/// a group of events (an access anomaly's account × share × UTC day, an isolation forest's account-day, an STL
/// series point, a Markov session). Per-event kinds return their units from <see cref="Add"/>; aggregating kinds keep
/// the events and score their units in <see cref="Complete"/>, called when an input (a file, stdin, each watched file)
/// ends. Build one with <see cref="UnitScorer{TRecord, TInput}"/>.
/// </summary>
public interface IEventScorer
{
    /// <summary>The model's card (kind, threshold ...).</summary>
    ModelCard Card { get; }

    /// <summary>Takes a batch of events in input order.</summary>
    /// <param name="events">The events with their 1-based line numbers.</param>
    /// <returns>The results available now: for a per-event kind one per event (a scored unit or a problem); for an
    /// aggregating kind only the events it cannot use (problems).</returns>
    IReadOnlyList<UnitResult> Add(IReadOnlyList<SourceEvent> events);

    /// <summary>The input ended: scores the units of the events held since the last call (aggregating kinds) and
    /// forgets them; a per-event kind returns nothing.</summary>
    IReadOnlyList<UnitResult> Complete();
}

/// <summary>An event read from an input, with the line it came from.</summary>
/// <param name="Line">The 1-based line (for CSV, the record's first line).</param>
/// <param name="Event">The event.</param>
public readonly record struct SourceEvent(long Line, JsonObject Event);

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

    /// <summary>How the model scored the unit when it says (e.g. an IP embedding's <c>UnseenEntity</c>); null otherwise.</summary>
    public string? Status { get; init; }

    /// <summary>A problem result.</summary>
    public static UnitResult Bad(IReadOnlyList<long> lines, string problem) => new() { Lines = lines, Problem = problem };

    /// <summary>A left-out result.</summary>
    public static UnitResult Skipped(IReadOnlyList<long> lines, string reason) => new() { Lines = lines, LeftOut = reason };
}

/// <summary>Settings of a scoring run that change how events become units.</summary>
public sealed record EventScoringOptions
{
    /// <summary>The default: every kind's own units and windows.</summary>
    public static EventScoringOptions Default { get; } = new();

    /// <summary>The aggregation window of kinds that aggregate per entity and window (<c>secml score --window</c>);
    /// null for the model's own window. A model accepts only the window its features were built on.</summary>
    public TimeSpan? Window { get; init; }
}

/// <summary>Loads models of one kind for <see cref="ModelRegistry"/>. Implement it (public, parameterless constructor) in
/// your own assembly and pass the assembly to <c>secml score --plugin</c> to score your own detector's models.</summary>
public interface IModelLoader
{
    /// <summary>The <see cref="ModelCard.Kind"/> this loader reads.</summary>
    string Kind { get; }

    /// <summary>Reads a model file and wraps the model for event scoring.</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <param name="options">How events become units (e.g. the window).</param>
    /// <exception cref="ArgumentException">An option does not fit the model (the message names the option).</exception>
    IEventScorer Load(Stream stream, string sourceName, EventScoringOptions options);
}
