using System.Text;
using System.Text.Json;

namespace SecurityML.Data;

/// <summary>
/// Streams typed records from and to JSON Lines files (one JSON object per line), for example OCSF events
/// (<see cref="OcsfNetworkActivity"/>). Blank lines are not records and are passed over. Input follows
/// <see cref="DataReadOptions"/> (UTF-8 unless an encoding is named; invalid bytes, repeated properties and
/// too-long lines are errors naming the line).
/// </summary>
public static class JsonLinesDataFile
{
    private static readonly Encoding Utf8WithoutMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the records of a JSON Lines file lazily, one line at a time (memory is bounded by
    /// <see cref="DataReadOptions.MaximumLineLength"/>, not by the file).</summary>
    /// <typeparam name="T">The record type; JSON names come from its <c>JsonPropertyName</c> attributes.</typeparam>
    /// <param name="path">The file to read.</param>
    /// <param name="lenientReport">Null (default) for strict mode: the first bad line throws. A report for lenient
    /// mode: bad lines are skipped and recorded in it. An empty file or a wrong byte order mark always throws.</param>
    /// <param name="options">Encoding, line-length limit and timestamp format; null for
    /// <see cref="DataReadOptions.Default"/> (UTF-8, ISO 8601, 4 MiB).</param>
    /// <exception cref="DataFormatException">On bytes invalid in the encoding, a too-long line, malformed JSON, a
    /// repeated property, a missing required property or object, a wrong value or an empty file; the message names
    /// the file, line and property or column.</exception>
    public static IEnumerable<T> Read<T>(string path, LoadReport? lenientReport = null, DataReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read<T>(() => InputLineReader.Open(path, options), lenientReport, options);
    }

    /// <summary>Reads JSON Lines records lazily from a stream; <paramref name="sourceName"/> names it in
    /// errors.</summary>
    /// <inheritdoc cref="Read{T}(string, LoadReport?, DataReadOptions?)"/>
    public static IEnumerable<T> Read<T>(
        Stream stream,
        string sourceName,
        LoadReport? lenientReport = null,
        DataReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read<T>(() => new InputLineReader(stream, sourceName, options, leaveOpen: true), lenientReport, options);
    }

    private static IEnumerable<T> Read<T>(
        Func<InputLineReader> open,
        LoadReport? lenientReport,
        DataReadOptions? options
    )
    {
        var serializerOptions = ReadOptionsFor(options?.TimestampFormat);
        using var lines = open();
        var sawRecord = false;
        while (lines.ReadLine() is { } line)
        {
            if (line.Text is { } text && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            sawRecord = true;
            var (record, problem) = line.Problem is { } lineProblem
                ? (default, lineProblem)
                : ParseLine<T>(line.Text!, lines.SourceName, line.Number, serializerOptions);
            if (problem is null)
            {
                lenientReport?.AddRow();
                yield return record!;
            }
            else if (lenientReport is null)
            {
                throw problem;
            }
            else
            {
                lenientReport.AddDropped(problem);
            }
        }
        if (!sawRecord)
        {
            throw DataFormatException.EmptyFile(lines.SourceName, $"one JSON object per line ({typeof(T).Name})");
        }
    }

    /// <summary>Writes records as JSON Lines (UTF-8 without byte order mark, <c>\n</c> line ends).</summary>
    /// <returns>The number of records written.</returns>
    public static long Write<T>(string path, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new StreamWriter(path, append: false, Utf8WithoutMark);
        return Write(writer, records);
    }

    /// <summary>Writes records as JSON Lines to a text writer; null properties are left out.</summary>
    /// <returns>The number of records written.</returns>
    public static long Write<T>(TextWriter writer, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        long count = 0;
        foreach (var record in records)
        {
            writer.Write(JsonSerializer.Serialize(record, WriteOptions));
            writer.Write('\n');
            count++;
        }
        return count;
    }

    // Scores can be +Infinity (e.g. a pair no history connects) or NaN (no score): written as the JSON strings
    // "Infinity" / "NaN", which both ways of reading accept.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcTimestampJsonConverter() },
    };

    private static readonly JsonSerializerOptions IsoReadOptions = CreateReadOptions(null);

    private static JsonSerializerOptions ReadOptionsFor(string? timestampFormat) =>
        timestampFormat is null ? IsoReadOptions : CreateReadOptions(timestampFormat);

    private static JsonSerializerOptions CreateReadOptions(string? timestampFormat) =>
        new()
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new UtcTimestampJsonConverter(timestampFormat) },
        };

    private static (T? Record, DataFormatException? Problem) ParseLine<T>(
        string line,
        string sourceName,
        long lineNumber,
        JsonSerializerOptions serializerOptions
    )
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (JsonLineChecks.FindDuplicateProperty(bytes, sourceName, lineNumber) is { } duplicate)
            {
                return (default, duplicate);
            }
            var record = JsonSerializer.Deserialize<T>(bytes, serializerOptions);
            if (record is null)
            {
                return (
                    default,
                    DataFormatException.MalformedRow(
                        sourceName,
                        lineNumber,
                        $"expected a JSON object, received '{DataFormatException.Truncate(line)}'."
                    )
                );
            }
            if (record is ICheckedRecord checkedRecord && checkedRecord.Check() is { } problem)
            {
                return (
                    default,
                    DataFormatException.BadValue(
                        sourceName,
                        lineNumber,
                        problem.Column,
                        problem.Received,
                        problem.Expected
                    )
                );
            }
            return (record, null);
        }
        catch (JsonException exception)
        {
            var column =
                string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null
                : exception.Path.StartsWith("$.", StringComparison.Ordinal) ? exception.Path[2..]
                : exception.Path;
            var detail =
                JsonLineChecks.Reason(exception)
                + (exception.BytePositionInLine is { } position ? $" (character {position + 1})" : "");
            return (default, new DataFormatException(sourceName, lineNumber, column, detail, exception));
        }
    }
}
