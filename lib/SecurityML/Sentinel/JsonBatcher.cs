using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Sentinel;

/// <summary>A batch of serialised rows: <c>[row,row,...]</c> of at most the batch limit in bytes.</summary>
/// <param name="FirstIndex">The index of the first row in the whole upload.</param>
/// <param name="Rows">Each row's UTF-8 JSON.</param>
internal sealed record JsonBatch(long FirstIndex, IReadOnlyList<byte[]> Rows)
{
    /// <summary>The JSON array's length in bytes.</summary>
    public long Bytes => 2 + Rows.Sum(row => (long)row.Length) + Math.Max(0, Rows.Count - 1);

    /// <summary>The rows <c>[start, start + count)</c> as a batch.</summary>
    public JsonBatch Slice(int start, int count) => new(FirstIndex + start, Rows.Skip(start).Take(count).ToList());

    /// <summary>The JSON array, gzip-compressed.</summary>
    public byte[] ToGzip()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.WriteByte((byte)'[');
            for (var index = 0; index < Rows.Count; index++)
            {
                if (index > 0)
                {
                    gzip.WriteByte((byte)',');
                }
                gzip.Write(Rows[index]);
            }
            gzip.WriteByte((byte)']');
        }
        return buffer.ToArray();
    }
}

/// <summary>Serialises rows lazily into batches whose JSON array stays within a byte limit.</summary>
internal static class JsonBatcher
{
    /// <summary>How rows are written: property names as declared (they are the stream's columns), non-finite numbers
    /// as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, timestamps as ISO 8601 UTC with a <c>Z</c>
    /// (as the local results files).</summary>
    public static readonly JsonSerializerOptions RowOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new SecurityML.Data.UtcTimestampJsonConverter() },
    };

    /// <summary>Cuts <paramref name="rows"/> from <paramref name="startIndex"/> on into batches of at most
    /// <paramref name="maximumBytes"/> bytes, each row carrying its <see cref="LogsIngestionClient.RowIdColumnName"/>.</summary>
    /// <exception cref="ArgumentException">When a row is not a JSON object, carries an empty, non-string or repeated row id
    /// of its own, or alone exceeds the limit (raised when that row is reached).</exception>
    public static IEnumerable<JsonBatch> Batches<T>(IEnumerable<T> rows, int maximumBytes, string streamName, long startIndex = 0)
    {
        var current = new List<byte[]>();
        long currentBytes = 2;
        long index = startIndex;
        long firstIndex = startIndex;
        var callerIds = new HashSet<string>(StringComparer.Ordinal);
        long skipped = 0;
        foreach (var row in rows)
        {
            if (skipped < startIndex)
            {
                skipped++;
                continue;
            }
            var json = WithRowId(JsonSerializer.SerializeToUtf8Bytes(row, RowOptions), streamName, index, callerIds);
            if (json.Length + 2 > maximumBytes)
            {
                throw new ArgumentException(
                    $"Row {index} is {json.Length} bytes of JSON; expected at most {maximumBytes - 2} (one call's limit).", nameof(rows));
            }
            var added = json.Length + (current.Count > 0 ? 1 : 0);
            if (currentBytes + added > maximumBytes)
            {
                yield return new JsonBatch(firstIndex, current);
                current = [];
                currentBytes = 2;
                firstIndex = index;
                added = json.Length;
            }
            current.Add(json);
            currentBytes += added;
            index++;
        }
        if (current.Count > 0)
        {
            yield return new JsonBatch(firstIndex, current);
        }
        if (skipped < startIndex)
        {
            throw new ArgumentException($"The start index {startIndex} is beyond the {skipped} rows given; expected at most {skipped}.", "options");
        }
    }

    /// <summary>The row's id: the first 128 bits of SHA-256 over the stream name, the row index (8 bytes, little-endian)
    /// and the row's JSON, as 32 lower-case hex digits. The same row at the same index of the same stream always gets the
    /// same id; identical rows at two indexes get two ids.</summary>
    public static string RowId(string streamName, long index, ReadOnlySpan<byte> rowJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(streamName));
        hash.AppendData([0]);
        Span<byte> indexBytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(indexBytes, index);
        hash.AppendData(indexBytes);
        hash.AppendData(rowJson);
        return Convert.ToHexString(hash.GetHashAndReset().AsSpan(0, 16)).ToLowerInvariant();
    }

    /// <summary>The row with its id appended as the last property, or unchanged when it carries one of its own.</summary>
    private static byte[] WithRowId(byte[] json, string streamName, long index, HashSet<string> callerIds)
    {
        var (propertyCount, callerId) = ScanObject(json, index);
        if (callerId is not null)
        {
            return callerIds.Add(callerId) ? json : throw new ArgumentException(
                $"Row {index} repeats {LogsIngestionClient.RowIdColumnName} '{Preview(callerId)}' of an earlier row; expected a unique id per row.", "rows");
        }
        var end = Array.LastIndexOf(json, (byte)'}');
        var property = Encoding.UTF8.GetBytes((propertyCount > 0 ? "," : "")
            + $"\"{LogsIngestionClient.RowIdColumnName}\":\"{RowId(streamName, index, json)}\"");
        var result = new byte[end + property.Length + 1];
        json.AsSpan(0, end).CopyTo(result);
        property.CopyTo(result.AsSpan(end));
        result[^1] = (byte)'}';
        return result;
    }

    /// <summary>The top-level property count and the caller's own row id, if the row has one.</summary>
    private static (int PropertyCount, string? CallerId) ScanObject(byte[] json, long index)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ArgumentException($"Row {index} is a JSON {reader.TokenType}; expected an object whose properties are the stream's columns.", "rows");
        }
        var count = 0;
        string? callerId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            var isId = reader.ValueTextEquals(LogsIngestionClient.RowIdColumnName);
            reader.Read();
            if (isId)
            {
                callerId = reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id ? id : throw new ArgumentException(
                    $"Row {index} has a {reader.TokenType} {LogsIngestionClient.RowIdColumnName}; expected a non-empty string unique per row.", "rows");
            }
            reader.Skip();
        }
        return (count, callerId);
    }

    private static string Preview(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
