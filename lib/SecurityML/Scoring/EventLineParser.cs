using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>The line format of an event stream.</summary>
public enum EventFormat
{
    /// <summary>One JSON object per line.</summary>
    JsonLines,
    /// <summary>CSV with a header line; one event per record (a quoted field may hold commas, doubled quotes and line
    /// breaks, so a record may span lines).</summary>
    Csv,
}

/// <summary>
/// Turns the lines of an event stream (read by <see cref="InputLineReader"/>) into JSON objects one at a time, so a
/// stream of any length is read in bounded memory and a bad line can be reported and skipped. For CSV the first
/// non-blank line is the header and each record becomes an object of strings keyed by it.
/// </summary>
/// <remarks>Errors are <see cref="DataFormatException"/>s naming the source, the line (for CSV, the record's first
/// line) and, where known, the column: a line the input contract rejects, malformed JSON, a repeated property, a
/// record whose field count differs from the header, a header that repeats a column, an all-empty record, a quote
/// in the wrong place, and a record longer than <see cref="DataReadOptions.MaximumLineLength"/>.</remarks>
/// <param name="format">The format parsed.</param>
/// <param name="sourceName">Names the stream in errors.</param>
/// <param name="maximumRecordLength">The longest CSV record accepted, in characters over all its lines; default
/// <see cref="DataReadOptions.DefaultMaximumLineLength"/>.</param>
public sealed class EventLineParser(EventFormat format, string sourceName, int maximumRecordLength = DataReadOptions.DefaultMaximumLineLength)
{
    private readonly CsvRecordSplitter _splitter = new(maximumRecordLength);
    private string[]? _header;
    private string? _headerProblem;

    /// <summary>The format parsed.</summary>
    public EventFormat Format { get; } = format;

    /// <summary>The first line of the last event returned (or of the CSV record still open).</summary>
    public long RecordLine { get; private set; }

    /// <summary>The format for a file name: <c>.csv</c> is CSV, anything else JSON Lines.</summary>
    public static EventFormat FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? EventFormat.Csv : EventFormat.JsonLines;

    /// <summary>Parses one line.</summary>
    /// <returns>The event; null for a blank line, the CSV header, or a CSV line whose record continues on the next
    /// line.</returns>
    /// <exception cref="DataFormatException">The line (or the CSV record it ends) is bad; the message says where and why.
    /// The parser stays usable: the next line starts afresh.</exception>
    public JsonObject? Parse(InputLine line)
    {
        if (!_splitter.IsOpen) RecordLine = line.Number;
        if (line.Problem is { } problem)
        {
            _splitter.Reset();
            throw problem;
        }
        var text = line.Text!;
        if (!_splitter.IsOpen && string.IsNullOrWhiteSpace(text)) return null;
        return Format == EventFormat.JsonLines ? ParseJson(text) : ParseCsv(text, line.LineBreak);
    }

    /// <summary>Call at the end of the stream.</summary>
    /// <exception cref="DataFormatException">A CSV record is still open (its quoted field never closed).</exception>
    public void Finish()
    {
        if (!_splitter.IsOpen) return;
        _splitter.Reset();
        throw Problem("a quoted field is not closed at the end of the input (is it cut short?)");
    }

    private DataFormatException Problem(string reason, int? column = null) => column is { } position
        ? new DataFormatException(sourceName, RecordLine, position, reason)
        : new DataFormatException(sourceName, RecordLine, null, reason);

    private JsonObject ParseJson(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (JsonLineChecks.FindDuplicateProperty(bytes, sourceName, RecordLine) is { } duplicate) throw duplicate;
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw Problem("expected a JSON object, received another JSON value");
        }
        catch (JsonException exception)
        {
            var reason = $"invalid JSON: {exception.Message.Split(" Path:")[0]}";
            throw exception.BytePositionInLine is { } position
                ? Problem(reason, Encoding.UTF8.GetCharCount(bytes.AsSpan(0, (int)Math.Min(position, bytes.Length))) + 1)
                : Problem(reason);
        }
    }

    private JsonObject? ParseCsv(string line, string lineBreak)
    {
        List<string>? fields;
        try
        {
            fields = _splitter.Add(line, lineBreak);
        }
        catch (FormatException exception)
        {
            throw Problem(exception.Message);
        }
        if (fields is null) return null;
        if (_header is null)
        {
            _header = [.. fields];
            var repeated = fields.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
            _headerProblem = repeated is null ? null : $"the header (line {RecordLine}) repeats the column '{repeated.Key}'; expected each column once";
            return null;
        }
        if (_headerProblem is not null) throw Problem(_headerProblem);
        if (fields.Count != _header.Length) throw Problem($"expected {_header.Length} fields as in the header, received {fields.Count}");
        if (fields.TrueForAll(field => field.Length == 0)) throw Problem("empty row: every field is empty");
        var result = new JsonObject();
        for (int index = 0; index < fields.Count; index++) result[_header[index]] = fields[index];
        return result;
    }
}
