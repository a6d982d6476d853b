using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>Adapts any <see cref="IAnomalyModel{TInput}"/> to <see cref="IEventScorer"/> with a conversion from an event
/// to the model's input.</summary>
/// <typeparam name="TInput">The model's input.</typeparam>
public sealed class EventScorer<TInput> : IEventScorer
{
    private readonly IAnomalyModel<TInput> _model;
    private readonly Func<JsonObject, TInput> _convert;
    private readonly Func<IReadOnlyList<TInput>, (double Score, string? Status)[]>? _statuses;

    /// <summary>Wraps <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="convert">Builds the model's input from an event; throws <see cref="FormatException"/> (message = the
    /// reason) when the event lacks what the model needs.</param>
    /// <param name="statuses">Optionally scores inputs with a status per item (e.g. an IP embedding's
    /// <c>ScoreWithStatus</c>); null: <see cref="IAnomalyModel{TInput}.Score"/> without status.</param>
    public EventScorer(IAnomalyModel<TInput> model, Func<JsonObject, TInput> convert,
        Func<IReadOnlyList<TInput>, (double Score, string? Status)[]>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(convert);
        _model = model;
        _convert = convert;
        _statuses = statuses;
    }

    /// <inheritdoc />
    public ModelCard Card => _model.Card;

    /// <inheritdoc />
    public IReadOnlyList<EventScore> Score(IReadOnlyList<JsonObject> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var results = new EventScore[events.Count];
        var inputs = new List<TInput>(events.Count);
        var positions = new List<int>(events.Count);
        for (int index = 0; index < events.Count; index++)
        {
            try
            {
                inputs.Add(_convert(events[index]));
                positions.Add(index);
            }
            catch (FormatException exception)
            {
                results[index] = new EventScore(double.NaN, exception.Message);
            }
        }
        var scores = inputs.Count == 0 ? [] : _statuses?.Invoke(inputs) ?? _model.Score(inputs).Select(score => (score, (string?)null)).ToArray();
        for (int position = 0; position < positions.Count; position++)
        {
            var (score, status) = scores[position];
            results[positions[position]] = double.IsNaN(score)
                ? new EventScore(double.NaN, $"the {Card.Kind} model cannot score this event (score NaN)")
                : new EventScore(score, null, status);
        }
        return results;
    }
}
