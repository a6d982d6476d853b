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
