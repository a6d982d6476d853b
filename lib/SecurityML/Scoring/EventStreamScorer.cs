using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>
/// Scores event streams in batches with any <see cref="IEventScorer"/> and writes one JSON line per alert (a scoring
/// unit whose score ≥ threshold):
/// <c>{"source","line","lines","kind","unit","score","threshold","explanation"[,"status"][,"event"]}</c> (<c>line</c>
/// is the unit's first input line, <c>lines</c> all of them; <c>status</c> when the model says how it scored the unit,
/// e.g. an IP embedding's <c>UnseenEntity</c>; <c>event</c> only for per-event units; ±Infinity written as "Infinity").
/// Per-event kinds alert batch by batch; aggregating kinds when each input ends. A line that cannot be read, parsed or
/// used, or a unit the model cannot score, is reported to the problem writer as
/// <c>source, line N[, column C]: reason</c> (the style of <see cref="DataFormatException"/>) and skipped; the rest of
/// the stream is scored. Lines the model's input rules leave out (e.g. machine-account logons) are counted by reason.
/// Used by <c>secml score</c>; counts accumulate over every stream scored.
/// </summary>
public sealed class EventStreamScorer
{
    /// <summary>Default <see cref="BatchSize"/>: 1,000 events.</summary>
    public const int DefaultBatchSize = 1000;

    private static readonly JsonSerializerOptions AlertJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
    private readonly IEventScorer _scorer;
    private readonly TextWriter _alerts;
    private readonly TextWriter _problems;
    private readonly SortedDictionary<string, long> _leftOut = new(StringComparer.Ordinal);

    /// <summary>Creates the scorer.</summary>
    /// <param name="scorer">The loaded model.</param>
    /// <param name="threshold">Alert when score ≥ threshold; not NaN.</param>
    /// <param name="alerts">Receives one JSON line per alert.</param>
    /// <param name="problems">Receives one line per bad line.</param>
    /// <param name="batchSize">Events scored at once, ≥ 1; default <see cref="DefaultBatchSize"/>.</param>
    public EventStreamScorer(
        IEventScorer scorer,
        double threshold,
        TextWriter alerts,
        TextWriter problems,
        int batchSize = DefaultBatchSize
    )
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(problems);
        if (double.IsNaN(threshold))
            throw new ArgumentException("The threshold is NaN; expected a number.", nameof(threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        (_scorer, Threshold, _alerts, _problems, BatchSize) = (scorer, threshold, alerts, problems, batchSize);
    }

    /// <summary>The alert threshold.</summary>
    public double Threshold { get; }

    /// <summary>Events scored at once.</summary>
    public int BatchSize { get; }

    /// <summary>Event lines in scored units so far.</summary>
    public long EventsScored { get; private set; }

    /// <summary>Units scored so far (for per-event kinds, = <see cref="EventsScored"/>).</summary>
    public long UnitsScored { get; private set; }

    /// <summary>Called with every scored unit (alert or not), e.g. to collect scores for threshold tuning; null for
    /// none.</summary>
    public Action<UnitResult>? Scored { get; init; }

    /// <summary>Event lines left out by the model's input rules so far, by reason.</summary>
    public IReadOnlyDictionary<string, long> LeftOut => _leftOut;

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
    public void Score(
        Stream input,
        string sourceName,
        EventFormat format,
        DataReadOptions? options = null,
        CancellationToken cancellationToken = default
    )
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
    public void Score(
        TextReader reader,
        string sourceName,
        EventFormat format,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(reader);
        Score(ReadAll(reader), sourceName, format, null, cancellationToken);
    }

    private static IEnumerable<InputLine> ReadAll(InputLineReader lines)
    {
        while (lines.ReadLine() is { } line)
            yield return line;
    }

    private static IEnumerable<InputLine> ReadAll(TextReader reader)
    {
        long number = 0;
        while (reader.ReadLine() is { } text)
            yield return new InputLine(++number, text, "\n", null);
    }

    private void Score(
        IEnumerable<InputLine> lines,
        string sourceName,
        EventFormat format,
        DataReadOptions? options,
        CancellationToken cancellationToken
    )
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
                if (batch.Count == BatchSize)
                    Flush(batch, sourceName);
            }
        }
        catch (DataFormatException exception)
        {
            // The whole input is unreadable (a UTF-16 byte order mark).
            batch.Add((exception.LineNumber, null, exception.Message));
        }
        Flush(batch, sourceName);
        Complete(sourceName);
        _alerts.Flush();
    }

    private void Flush(List<(long Line, JsonObject? Event, string? Problem)> batch, string sourceName)
    {
        if (batch.Count == 0)
            return;
        var parsed = batch
            .Where(item => item.Event is not null)
            .Select(item => new SourceEvent(item.Line, item.Event!))
            .ToList();
        var results = (parsed.Count == 0 ? [] : Guard(() => _scorer.Add(parsed), parsed))
            .Select(result => (result.Lines[0], (string?)null, (UnitResult?)result))
            .Concat(
                batch.Where(item => item.Event is null).Select(item => (item.Line, item.Problem, (UnitResult?)null))
            )
            .OrderBy(item => item.Item1)
            .ToList();
        foreach (var (_, parseProblem, result) in results)
        {
            if (result is null)
                Report(parseProblem!, 1);
            else
                Write(result, sourceName);
        }
        batch.Clear();
    }

    private void Complete(string sourceName)
    {
        foreach (var result in Guard(_scorer.Complete, []).OrderBy(result => result.Lines[0]))
            Write(result, sourceName);
    }

    private void Write(UnitResult result, string sourceName)
    {
        if (result.LeftOut is { } reason)
        {
            _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + result.Lines.Count;
            return;
        }
        if (result.Problem is { } problem)
        {
            Report(
                DataFormatException.Describe(sourceName, result.Lines[0], null, problem + LinesNote(result.Lines)),
                result.Lines.Count
            );
            return;
        }
        EventsScored += result.Lines.Count;
        UnitsScored++;
        Scored?.Invoke(result);
        if (!(result.Score >= Threshold))
            return;
        Alerts++;
        var alert = new JsonObject
        {
            ["source"] = sourceName,
            ["line"] = result.Lines[0],
            ["lines"] = new JsonArray(result.Lines.Select(line => (JsonNode)line).ToArray()),
            ["kind"] = _scorer.Card.Kind,
            ["unit"] = result.Unit.DeepClone(),
            ["score"] = JsonValue.Create(result.Score),
            ["threshold"] = JsonValue.Create(Threshold),
            ["explanation"] = result.Explain?.Invoke(),
        };
        if (result.Status is { } status)
            alert["status"] = status;
        if (result.Event is { } @event)
            alert["event"] = @event.DeepClone();
        _alerts.WriteLine(alert.ToJsonString(AlertJson));
    }

    private static string LinesNote(IReadOnlyList<long> lines) =>
        lines.Count == 1
            ? ""
            : string.Create(
                CultureInfo.InvariantCulture,
                $" (a unit of {lines.Count} lines: {string.Join(", ", lines.Take(5))}{(lines.Count > 5 ? ", …" : "")})"
            );

    /// <summary>Runs the scorer; if it throws on a batch, scores the events one by one so only the culprits
    /// fail.</summary>
    private IReadOnlyList<UnitResult> Guard(Func<IReadOnlyList<UnitResult>> score, List<SourceEvent> events)
    {
        try
        {
            return score();
        }
        catch (Exception exception) when (exception is not OperationCanceledException && events.Count > 1)
        {
            return events.SelectMany(single => Guard(() => _scorer.Add([single]), [single])).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return events.Count == 0
                ? [UnitResult.Bad([0], $"the {_scorer.Card.Kind} model failed on this input: {exception.Message}")]
                :
                [
                    UnitResult.Bad(
                        [events[0].Line],
                        $"the {_scorer.Card.Kind} model failed on this event: {exception.Message}"
                    ),
                ];
        }
    }

    /// <summary>Reports an input that could not be opened or read at all (counted as one bad line).</summary>
    /// <param name="sourceName">The input.</param>
    /// <param name="reason">Why, e.g. the I/O error's message.</param>
    public void ReportUnreadable(string sourceName, string reason) =>
        Report(DataFormatException.Describe(sourceName, 0, null, reason), 1);

    private void Report(string message, long lines)
    {
        BadLines += lines;
        _problems.WriteLine(message);
    }

    /// <summary>A one-line summary of the counts.</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{EventsScored} event(s) scored{(UnitsScored == EventsScored ? "" : $" in {UnitsScored} unit(s)")}, "
        )
        + string.Create(
            CultureInfo.InvariantCulture,
            $"{Alerts} alert(s) at threshold {Threshold:G6}, {BadLines} bad line(s) skipped"
        )
        + string.Concat(
            _leftOut.Select(pair => string.Create(CultureInfo.InvariantCulture, $"; {pair.Value} left out: {pair.Key}"))
        );
}
