using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>
/// Adapts a model to <see cref="IEventScorer"/>: each event is read into a record (<typeparamref name="TRecord"/>),
/// records become scoring units (one per event, or grouped), and the units are scored. A per-event scorer scores every
/// batch at once; an aggregating one holds the records of an input and builds and scores its units when the input
/// ends (<see cref="Complete"/>).
/// </summary>
/// <typeparam name="TRecord">What an event is read into.</typeparam>
/// <typeparam name="TInput">What a unit holds for scoring (usually the model's input).</typeparam>
/// <param name="card">The model's card.</param>
/// <param name="read">Reads an event; throws <see cref="FormatException"/> (message = the reason) when the event lacks
/// what the model needs (the line is then reported and skipped).</param>
/// <param name="build">Turns records into units (per-event: one unit per record).</param>
/// <param name="score">Scores units: one <see cref="UnitScore"/> per input, in order (see
/// <see cref="UnitScores.Of{TInput}"/>).</param>
/// <param name="aggregates">True when units span events: records are held until <see cref="Complete"/>.</param>
public sealed class UnitScorer<TRecord, TInput>(
    ModelCard card,
    Func<JsonObject, TRecord> read,
    Func<IReadOnlyList<LineRecord<TRecord>>, UnitSet<TInput>> build,
    Func<IReadOnlyList<TInput>, IReadOnlyList<UnitScore>> score,
    bool aggregates
) : IEventScorer
{
    private readonly List<LineRecord<TRecord>> _held = [];

    /// <summary>True when units span events (scored at the end of each input).</summary>
    public bool Aggregates { get; } = aggregates;

    /// <inheritdoc />
    public ModelCard Card { get; } = card ?? throw new ArgumentNullException(nameof(card));

    /// <summary>Explains a unit's score as JSON (called for alerts only); null when the kind has no
    /// explanation.</summary>
    public Func<ScoringUnit<TInput>, JsonObject>? Explain { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<UnitResult> Add(IReadOnlyList<SourceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = new List<UnitResult>();
        var records = new List<LineRecord<TRecord>>(events.Count);
        foreach (var (line, @event) in events)
        {
            try
            {
                records.Add(new LineRecord<TRecord>(line, read(@event), @event));
            }
            catch (FormatException exception)
            {
                problems.Add(UnitResult.Bad([line], exception.Message));
            }
        }
        if (Aggregates)
        {
            _held.AddRange(records);
            return problems;
        }
        return [.. problems.Concat(ScoreUnits(records)).OrderBy(result => result.Lines[0])];
    }

    /// <inheritdoc />
    public IReadOnlyList<UnitResult> Complete()
    {
        if (_held.Count == 0)
            return [];
        var records = _held.ToList();
        _held.Clear();
        try
        {
            return ScoreUnits(records);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing is dropped silently: every held line is reported with the reason.
            return
            [
                UnitResult.Bad(
                    records.Select(record => record.Line).ToList(),
                    $"the {Card.Kind} model failed on this input: {exception.Message}"
                ),
            ];
        }
    }

    private List<UnitResult> ScoreUnits(IReadOnlyList<LineRecord<TRecord>> records)
    {
        if (records.Count == 0)
            return [];
        var set = build(records);
        var results = new List<UnitResult>(set.Others);
        if (set.Units.Count == 0)
            return results;
        var scores = score(set.Units.Select(unit => unit.Input).ToList());
        for (int index = 0; index < set.Units.Count; index++)
        {
            var unit = set.Units[index];
            var verdict = scores[index];
            bool bad = verdict.LeftOut is null && (verdict.Problem is not null || double.IsNaN(verdict.Score));
            // Problem and left-out units keep what they are (unit, entity, time, explanation) for callers that list
            // them.
            results.Add(
                new UnitResult
                {
                    Lines = unit.Lines,
                    Unit = unit.Unit,
                    Score = verdict.LeftOut is null && !bad ? verdict.Score : double.NaN,
                    Event = unit.Event,
                    Entity = unit.Entity,
                    Start = unit.Start,
                    End = unit.End,
                    LeftOut = verdict.LeftOut,
                    Problem = bad
                        ? $"{verdict.Problem ?? UnitScores.CannotScore(Card.Kind)}: {unit.Unit.ToJsonString()}"
                        : null,
                    Explain = Explain is { } explain ? () => explain(unit) : null,
                    Status = verdict.Status,
                }
            );
        }
        return results;
    }
}
