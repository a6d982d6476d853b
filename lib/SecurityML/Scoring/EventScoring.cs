using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>Scores typed records (e.g. what a query provider returns) through an <see cref="IEventScorer"/>, the path
/// <c>secml score</c> takes for file lines, so that a notebook's scheduled scoring and the command agree.</summary>
public static class EventScoring
{
    private static readonly JsonSerializerOptions RecordJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcTimestampJsonConverter() },
    };

    /// <summary>Scores <paramref name="records"/> as events (their JSON form; record i is "line" i + 1) in batches of
    /// <see cref="EventStreamScorer.DefaultBatchSize"/>, then ends the input.</summary>
    /// <returns>Every result (scored units, problems, left-out lines), ordered by first line.</returns>
    public static IReadOnlyList<UnitResult> ScoreRecords<T>(IEventScorer scorer, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(records);
        var results = new List<UnitResult>();
        var batch = new List<SourceEvent>(EventStreamScorer.DefaultBatchSize);
        long line = 0;
        foreach (var record in records)
        {
            batch.Add(new SourceEvent(++line, JsonSerializer.SerializeToNode(record, RecordJson)!.AsObject()));
            if (batch.Count == EventStreamScorer.DefaultBatchSize)
            {
                results.AddRange(scorer.Add(batch));
                batch = new(EventStreamScorer.DefaultBatchSize);
            }
        }
        if (batch.Count > 0)
            results.AddRange(scorer.Add(batch));
        results.AddRange(scorer.Complete());
        return [.. results.OrderBy(result => result.Lines[0])];
    }
}
