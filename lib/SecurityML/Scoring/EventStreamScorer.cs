using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>
/// Scores event streams in batches with any <see cref="IEventScorer"/> and writes one JSON line per alert (score ≥
/// threshold): <c>{"source","line","score","threshold","kind","event"}</c>, plus <c>"status"</c> when the scorer gives one
/// (<see cref="EventScore.Status"/>) (±Infinity written as "Infinity"). A line
/// that cannot be read, parsed or scored is reported to the problem writer as <c>source, line N[, column C]: reason</c>
/// (the style of <see cref="DataFormatException"/>) and skipped; the rest of the stream is scored. Used by <c>secml score</c>; counts accumulate over every stream scored.
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

    /// <summary>Reads <paramref name="input"/> to its end under the input contract (<see cref="DataReadOptions"/>),
    /// scoring events in batches. Nothing in the input stops the read: every bad line (invalid bytes, too long,
    /// malformed, repeated property, an event the model cannot score) is reported and skipped.</summary>
    /// <param name="input">The event bytes (a file or stdin); read forward once and left open.</param>
    /// <param name="sourceName">Names the stream in alerts and problem reports (a file path or "stdin").</param>
    /// <param name="format">The line format.</param>
    /// <param name="options">Encoding and line-length limit; null for <see cref="DataReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops between lines.</param>
    public void Score(Stream input, string sourceName, EventFormat format, DataReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var lines = new InputLineReader(input, sourceName, options, leaveOpen: true);
        Score(ReadAll(lines), sourceName, format, options, cancellationToken);
    }

    /// <summary>Reads already decoded text to its end, scoring events in batches; bad lines are reported and skipped.
    /// For files and stdin prefer the <see cref="Stream"/> overload, which also checks the bytes.</summary>
    /// <param name="reader">The event lines.</param>
    /// <param name="sourceName">Names the stream in alerts and problem reports.</param>
    /// <param name="format">The line format.</param>
    /// <param name="cancellationToken">Stops between lines.</param>
    public void Score(TextReader reader, string sourceName, EventFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Score(ReadAll(reader), sourceName, format, null, cancellationToken);
    }

    private static IEnumerable<InputLine> ReadAll(InputLineReader lines)
    {
        while (lines.ReadLine() is { } line) yield return line;
    }

    private static IEnumerable<InputLine> ReadAll(TextReader reader)
    {
        long number = 0;
        while (reader.ReadLine() is { } text) yield return new InputLine(++number, text, "\n", null);
    }

    private void Score(IEnumerable<InputLine> lines, string sourceName, EventFormat format, DataReadOptions? options, CancellationToken cancellationToken)
    {
        var parser = new EventLineParser(format, sourceName, options);
        // Lines that fail to parse wait in the batch too, so that problems are reported in line order.
        var batch = new List<(long Line, JsonObject? Event, string? Problem)>(BatchSize);
        try
        {
            foreach (var (line, @event, problem) in parser.Parse(lines))
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Add((line, @event, problem?.Message));
                if (batch.Count == BatchSize) Flush(batch, sourceName);
            }
        }
        catch (DataFormatException exception)
        {
            // The whole input is unreadable (a UTF-16 byte order mark).
            batch.Add((exception.LineNumber, null, exception.Message));
        }
        Flush(batch, sourceName);
        _alerts.Flush();
    }

    private void Flush(List<(long Line, JsonObject? Event, string? Problem)> batch, string sourceName)
    {
        if (batch.Count == 0) return;
        var parsed = batch.Where(item => item.Event is not null).Select(item => item.Event!).ToList();
        var scores = ScoreEach(parsed);
        int next = 0;
        foreach (var (line, @event, parseProblem) in batch)
        {
            if (@event is null) { Report(parseProblem!); continue; }
            var result = scores[next++];
            if (result.Problem is { } problem) { Report(DataFormatException.Describe(sourceName, line, null, problem)); continue; }
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
            if (result.Status is { } status) alert["status"] = status;
            _alerts.WriteLine(alert.ToJsonString(AlertJson));
        }
        batch.Clear();
    }

    /// <summary>Scores a batch; if the model throws on it, scores the events one by one so only the culprits fail.</summary>
    private IReadOnlyList<EventScore> ScoreEach(List<JsonObject> events)
    {
        if (events.Count == 0) return [];
        try
        {
            return _scorer.Score(events);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && events.Count > 1)
        {
            return events.SelectMany(single => ScoreEach([single])).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return [new EventScore(double.NaN, $"the {_scorer.Card.Kind} model failed on this event: {exception.Message}")];
        }
    }

    /// <summary>Reports an input that could not be opened or read at all (counted as one bad line).</summary>
    /// <param name="sourceName">The input.</param>
    /// <param name="reason">Why, e.g. the I/O error's message.</param>
    public void ReportUnreadable(string sourceName, string reason) => Report(DataFormatException.Describe(sourceName, 0, null, reason));

    private void Report(string message)
    {
        BadLines++;
        _problems.WriteLine(message);
    }

    /// <summary>A one-line summary of the counts.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{EventsScored} event(s) scored, {Alerts} alert(s) at threshold {Threshold:G6}, {BadLines} bad line(s) skipped");
}
