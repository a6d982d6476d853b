using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>
/// Turns the lines of an event stream (read by <see cref="InputLineReader"/>) into JSON objects one at a time, so a
/// stream of any length is read in bounded memory and a bad line can be reported and skipped. For CSV the first
/// non-blank record is the header and each record becomes an object of strings keyed by it; records are split by
/// the loaders' CSV splitter, so a stray quote (a quoted field that never closes, or closes in a way that breaks the
/// record) costs its first line only (reading resumes at the next line) and a last line without a line break is a
/// bad line unless <see cref="DataReadOptions.AllowUnterminatedLastLine"/> is set.
/// </summary>
/// <remarks>Problems are <see cref="DataFormatException"/>s naming the source, the line (for CSV, the record's first
/// line) and, where known, the column: a line the input contract rejects, malformed JSON, a repeated property, a
/// record whose field count differs from the header, a header that repeats a column, an all-empty record, a quote
/// in the wrong place, a record longer than <see cref="DataReadOptions.MaximumLineLength"/> characters or still open
/// at the end, a CSV last line without a line break.</remarks>
/// <param name="format">The format parsed.</param>
/// <param name="sourceName">Names the stream in errors.</param>
/// <param name="options">The record-length limit and last-line rule; null for
/// <see cref="DataReadOptions.Default"/>.</param>
public sealed class EventLineParser(EventFormat format, string sourceName, DataReadOptions? options = null)
{
    private readonly DataReadOptions _options = options ?? DataReadOptions.Default;

    /// <summary>The format parsed.</summary>
    public EventFormat Format { get; } = format;

    /// <summary>The format for a file name: <c>.csv</c> is CSV, anything else JSON Lines.</summary>
    public static EventFormat FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? EventFormat.Csv : EventFormat.JsonLines;

    /// <summary>Parses a stream's lines lazily, in line order.</summary>
    /// <param name="lines">The lines, e.g. from <see cref="InputLineReader.ReadLine"/>.</param>
    /// <returns>One item per event or bad line (blank lines and the CSV header give none).</returns>
    public IEnumerable<ParsedEvent> Parse(IEnumerable<InputLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Format == EventFormat.JsonLines ? ParseJson(lines) : ParseCsv(lines);
    }

    private IEnumerable<ParsedEvent> ParseJson(IEnumerable<InputLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Problem is { } problem)
                yield return new ParsedEvent(line.Number, null, problem);
            else if (!string.IsNullOrWhiteSpace(line.Text))
                yield return ParseJson(line.Text, line.Number);
        }
    }

    private ParsedEvent ParseJson(string line, long number)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (JsonLineChecks.FindDuplicateProperty(bytes, sourceName, number) is { } duplicate)
            return new(number, null, duplicate);
        try
        {
            return JsonNode.Parse(bytes) is JsonObject parsed
                ? new(number, parsed, null)
                : new(
                    number,
                    null,
                    new DataFormatException(
                        sourceName,
                        number,
                        null,
                        "expected a JSON object, received another JSON value"
                    )
                );
        }
        catch (JsonException exception)
        {
            var reason = $"invalid JSON: {JsonLineChecks.Reason(exception)}";
            return new(
                number,
                null,
                exception.BytePositionInLine is { } position
                    ? new DataFormatException(
                        sourceName,
                        number,
                        Encoding.UTF8.GetCharCount(bytes.AsSpan(0, (int)Math.Min(position, bytes.Length))) + 1,
                        reason
                    )
                    : new DataFormatException(sourceName, number, null, reason)
            );
        }
    }

    private IEnumerable<ParsedEvent> ParseCsv(IEnumerable<InputLine> lines)
    {
        string[]? header = null;
        string? headerProblem = null;
        foreach (var record in CsvRecordReader.Read(lines, sourceName, _options))
        {
            if (record.Problem is { } problem)
            {
                yield return new ParsedEvent(record.Line, null, problem);
                continue;
            }
            var fields = record.Fields!;
            if (header is null)
            {
                header = [.. fields];
                var repeated = fields
                    .GroupBy(name => name, StringComparer.Ordinal)
                    .FirstOrDefault(group => group.Count() > 1);
                headerProblem = repeated is null
                    ? null
                    : $"the header (line {record.Line}) repeats the column '{repeated.Key}'; expected each column once";
                continue;
            }
            var reason =
                headerProblem
                ?? (
                    fields.Count != header.Length
                        ? $"expected {header.Length} fields as in the header, received {fields.Count}"
                        : null
                )
                ?? (fields.All(field => field.Length == 0) ? "empty row: every field is empty" : null);
            if (reason is not null)
            {
                yield return new ParsedEvent(
                    record.Line,
                    null,
                    new DataFormatException(sourceName, record.Line, null, reason)
                );
                continue;
            }
            var result = new JsonObject();
            for (int index = 0; index < fields.Count; index++)
                result[header[index]] = fields[index];
            yield return new ParsedEvent(record.Line, result, null);
        }
    }
}
