using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>
/// A loaded model that scores raw events (JSON objects; CSV rows arrive as objects of strings keyed by the header), so
/// that <c>secml score</c> and other tools can use any model without knowing its input type. Wrap a model with
/// <see cref="EventScorer{TInput}"/> and a conversion from an event to the model's input.
/// </summary>
public interface IEventScorer
{
    /// <summary>The model's card (kind, threshold ...).</summary>
    ModelCard Card { get; }

    /// <summary>Scores a batch of events: one result per event, in order; higher = more anomalous.</summary>
    /// <returns>Per event its score, or NaN and the reason it could not be scored (e.g. a missing field).</returns>
    IReadOnlyList<EventScore> Score(IReadOnlyList<JsonObject> events);
}

/// <summary>The score of one event, or why it has none.</summary>
/// <param name="Score">The anomaly score (higher = more anomalous); NaN when unscored.</param>
/// <param name="Problem">Why the event could not be scored; null when it was.</param>
/// <param name="Status">How the model scored it when that matters to the reader, e.g. an IP embedding's
/// <c>UnseenEntity</c> (an entity not in training, scored with the documented fallback); null otherwise.</param>
public readonly record struct EventScore(double Score, string? Problem, string? Status = null);

/// <summary>Loads models of one kind for <see cref="ModelRegistry"/>. Implement it (public, parameterless constructor) in
/// your own assembly and pass the assembly to <c>secml score --plugin</c> to score your own detector's models.</summary>
public interface IModelLoader
{
    /// <summary>The <see cref="ModelCard.Kind"/> this loader reads.</summary>
    string Kind { get; }

    /// <summary>Reads a model file and wraps the model for event scoring.</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    IEventScorer Load(Stream stream, string sourceName);
}
