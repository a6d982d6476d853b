using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>
/// Scores event streams in batches with any <see cref="IEventScorer"/> and writes one JSON line per alert (score ≥
/// threshold): <c>{"source","line","score","threshold","kind","event"}</c> (±Infinity written as "Infinity"). A line
/// that cannot be parsed or scored is reported to the problem writer as <c>source:line: reason</c> and skipped; the
/// rest of the stream is scored. Used by <c>secml score</c>; counts accumulate over every stream scored.
/// </summary>
public sealed class EventStreamScorer
{
    /// <summary>Default <see cref="BatchSize"/>: 1,000 events.</summary>
    public const int DefaultBatchSize = 1000;

    private static readonly JsonSerializerOptions AlertJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly IEventScorer _scorer;
    private readonly TextWriter _alerts;
    private readonly TextWriter _problems;

    /// <summary>Creates the scorer.</summary>
    /// <param name="scorer">The loaded model.</param>
    /// <param name="threshold">Alert when score ≥ threshold; not NaN.</param>
    /// <param name="alerts">Receives one JSON line per alert.</param>
    /// <param name="problems">Receives one line per bad line.</param>
    /// <param name="batchSize">Events scored at once, ≥ 1; default <see cref="DefaultBatchSize"/>.</param>
    public EventStreamScorer(IEventScorer scorer, double threshold, TextWriter alerts, TextWriter problems, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(problems);
        if (double.IsNaN(threshold)) throw new ArgumentException("The threshold is NaN; expected a number.", nameof(threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        (_scorer, Threshold, _alerts, _problems, BatchSize) = (scorer, threshold, alerts, problems, batchSize);
    }

    /// <summary>The alert threshold.</summary>
    public double Threshold { get; }
    /// <summary>Events scored at once.</summary>
    public int BatchSize { get; }
    /// <summary>Events scored so far.</summary>
    public long EventsScored { get; private set; }
    /// <summary>Alerts written so far.</summary>
    public long Alerts { get; private set; }
    /// <summary>Lines reported and skipped so far.</summary>
    public long BadLines { get; private set; }

    /// <summary>Reads <paramref name="reader"/> to its end, scoring events in batches.</summary>
    /// <param name="reader">The event lines.</param>
    /// <param name="sourceName">Names the stream in alerts and problem reports (a file path or "stdin").</param>
    /// <param name="format">The line format.</param>
    /// <param name="cancellationToken">Stops between lines.</param>
    public void Score(TextReader reader, string sourceName, EventFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new EventLineParser(format);
        // Lines that fail to parse wait in the batch too, so that problems are reported in line order.
        var batch = new List<(long Line, JsonObject? Event, string? Problem)>(BatchSize);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            try
            {
                if (parser.Parse(line) is { } parsed) batch.Add((lineNumber, parsed, null));
            }
            catch (FormatException exception)
            {
                batch.Add((lineNumber, null, exception.Message));
            }
            if (batch.Count == BatchSize) Flush(batch, sourceName);
        }
        Flush(batch, sourceName);
        _alerts.Flush();
    }

    private void Flush(List<(long Line, JsonObject? Event, string? Problem)> batch, string sourceName)
    {
        if (batch.Count == 0) return;
        var parsed = batch.Where(item => item.Event is not null).ToList();
        var scores = _scorer.Score(parsed.Select(item => item.Event!).ToList());
        int next = 0;
        foreach (var (line, @event, parseProblem) in batch)
        {
            if (@event is null) { Report(sourceName, line, parseProblem!); continue; }
            var result = scores[next++];
            if (result.Problem is { } problem) { Report(sourceName, line, problem); continue; }
            EventsScored++;
            if (!(result.Score >= Threshold)) continue;
            Alerts++;
            var alert = new JsonObject
            {
                ["source"] = sourceName,
                ["line"] = line,
                ["score"] = JsonValue.Create(result.Score),
                ["threshold"] = JsonValue.Create(Threshold),
                ["kind"] = _scorer.Card.Kind,
                ["event"] = @event,
            };
            _alerts.WriteLine(alert.ToJsonString(AlertJson));
        }
        batch.Clear();
    }

    private void Report(string sourceName, long line, string reason)
    {
        BadLines++;
        _problems.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {reason}"));
    }

    /// <summary>A one-line summary of the counts.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{EventsScored} event(s) scored, {Alerts} alert(s) at threshold {Threshold:G6}, {BadLines} bad line(s) skipped");
}
