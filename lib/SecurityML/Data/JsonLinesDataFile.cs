using System.Text;
using System.Text.Json;

namespace SecurityML.Data;

/// <summary>
/// Streams typed records from and to JSON Lines files (one JSON object per line), for example OCSF events
/// (<see cref="OcsfNetworkActivity"/>). Blank lines are not records and are passed over.
/// </summary>
public static class JsonLinesDataFile
{
    private static readonly Encoding Utf8WithoutMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the records of a JSON Lines file lazily, one line at a time.</summary>
    /// <typeparam name="T">The record type; JSON names come from its <c>JsonPropertyName</c> attributes.</typeparam>
    /// <param name="path">The file to read.</param>
    /// <param name="lenientReport">Null (default) for strict mode: the first bad line throws. A report for lenient
    /// mode: bad lines are skipped and recorded in it. An empty file always throws.</param>
    /// <exception cref="DataFormatException">On malformed JSON, a missing required property, a wrong value or an
    /// empty file; the message names the file, line and property.</exception>
    public static IEnumerable<T> Read<T>(string path, LoadReport? lenientReport = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Utf8WithoutMark, detectEncodingFromByteOrderMarks: true);
        foreach (var record in Read<T>(reader, path, lenientReport))
        {
            yield return record;
        }
    }

    /// <summary>Reads JSON Lines records lazily from a text reader; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Read{T}(string, LoadReport?)"/>
    public static IEnumerable<T> Read<T>(TextReader reader, string sourceName, LoadReport? lenientReport = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long lineNumber = 0;
        var sawRecord = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            sawRecord = true;
            var (record, problem) = ParseLine<T>(line, sourceName, lineNumber);
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
            throw DataFormatException.EmptyFile(sourceName, $"one JSON object per line ({typeof(T).Name})");
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

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcTimestampJsonConverter() },
    };

    private static (T? Record, DataFormatException? Problem) ParseLine<T>(string line, string sourceName, long lineNumber)
    {
        try
        {
            var record = JsonSerializer.Deserialize<T>(line, ReadOptions);
            if (record is null)
            {
                return (default, DataFormatException.MalformedRow(sourceName, lineNumber, $"expected a JSON object, received '{line}'."));
            }
            if (record is ICheckedRecord checkedRecord && checkedRecord.Check() is { } problem)
            {
                return (default, DataFormatException.BadValue(sourceName, lineNumber, problem.Column, problem.Received, problem.Expected));
            }
            return (record, null);
        }
        catch (JsonException exception)
        {
            var column = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null : exception.Path;
            var detail = $"{exception.Message.Split(" Path:")[0]}"
                + (exception.BytePositionInLine is { } position ? $" (character {position + 1})" : "");
            return (default, new DataFormatException(sourceName, lineNumber, column, detail, exception));
        }
    }
}
