using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Sentinel;

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
    /// <paramref name="maximumBytes"/> bytes, each row carrying its <see cref="LogsIngestionClient.RowIdColumnName"/>.
    /// A row whose JSON alone exceeds the limit comes as its own batch with <see cref="JsonBatch.TooLarge"/>. When the
    /// rows or the serialiser throw (anything but <see cref="OperationCanceledException"/>, which propagates), the rows
    /// already serialised come as a last batch, then a batch with <see cref="JsonBatch.Failure"/> at the failing row
    /// (an <see cref="ArgumentException"/> when a row is not a JSON object or carries an empty, non-string or repeated
    /// row id of its own, or when <paramref name="startIndex"/> is beyond the rows); nothing is thrown.</summary>
    public static IEnumerable<JsonBatch> Batches<T>(
        IEnumerable<T> rows,
        int maximumBytes,
        string streamName,
        long startIndex = 0
    )
    {
        var current = new List<byte[]>();
        long currentBytes = 2;
        long index = startIndex;
        long firstIndex = startIndex;
        var reader = new RowReader<T>(rows, streamName, startIndex);
        using var _ = reader;
        while (reader.TryRead(index, out var json))
        {
            if (json.Length + 2 > maximumBytes)
            {
                if (current.Count > 0)
                {
                    yield return new JsonBatch(firstIndex, current);
                    current = [];
                    currentBytes = 2;
                }
                yield return new JsonBatch(index, [json])
                {
                    TooLarge = $"its JSON is {json.Length} bytes; one call takes at most {maximumBytes - 2}",
                };
                index++;
                firstIndex = index;
                continue;
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
        if (reader.Failure is { } failure)
        {
            yield return new JsonBatch(index, []) { Failure = failure };
        }
    }

    /// <summary>Reads and serialises the rows one at a time, turning any failure but cancellation into
    /// <see cref="Failure"/>.</summary>
    private sealed class RowReader<T>(IEnumerable<T> rows, string streamName, long startIndex) : IDisposable
    {
        private readonly HashSet<string> _callerIds = new(StringComparer.Ordinal);
        private IEnumerator<T>? _rows;
        private long _skipped;

        /// <summary>What the rows or the serialiser threw; null when none.</summary>
        public Exception? Failure { get; private set; }

        /// <summary>The next row's JSON with its row id; false at the end or after a failure.</summary>
        public bool TryRead(long index, out byte[] json)
        {
            json = [];
            if (Failure is not null)
            {
                return false;
            }
            try
            {
                _rows ??= rows.GetEnumerator();
                for (; _skipped < startIndex; _skipped++)
                {
                    if (!_rows.MoveNext())
                    {
                        throw new ArgumentException(
                            $"The start index {startIndex} is beyond the {_skipped} rows given; expected at most "
                                + $"{_skipped}.",
                            "options"
                        );
                    }
                }
                if (!_rows.MoveNext())
                {
                    return false;
                }
                json = WithRowId(
                    JsonSerializer.SerializeToUtf8Bytes(_rows.Current, RowOptions),
                    streamName,
                    index,
                    _callerIds
                );
                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Failure = exception;
                return false;
            }
        }

        public void Dispose() => _rows?.Dispose();
    }

    /// <summary>The row's id: the first 128 bits of SHA-256 over the stream name, the row index (8 bytes,
    /// little-endian) and the row's JSON, as 32 lower-case hex digits. The same row at the same index of the same
    /// stream always gets the same id; identical rows at two indexes get two ids.</summary>
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

    /// <summary>The row with its id appended as the last property, or unchanged when it carries one of its
    /// own.</summary>
    private static byte[] WithRowId(byte[] json, string streamName, long index, HashSet<string> callerIds)
    {
        var (propertyCount, callerId) = ScanObject(json, index);
        if (callerId is not null)
        {
            return callerIds.Add(callerId)
                ? json
                : throw new ArgumentException(
                    $"Row {index} repeats {LogsIngestionClient.RowIdColumnName} '{Preview(callerId)}' of an "
                        + $"earlier row; expected a unique id per row.",
                    "rows"
                );
        }
        var end = Array.LastIndexOf(json, (byte)'}');
        var property = Encoding.UTF8.GetBytes(
            (propertyCount > 0 ? "," : "")
                + $"\"{LogsIngestionClient.RowIdColumnName}\":\"{RowId(streamName, index, json)}\""
        );
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
            throw new ArgumentException(
                $"Row {index} is a JSON {reader.TokenType}; expected an object whose properties are the stream's "
                    + $"columns.",
                "rows"
            );
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
                callerId =
                    reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id
                        ? id
                        : throw new ArgumentException(
                            $"Row {index} has a {reader.TokenType} {LogsIngestionClient.RowIdColumnName}; "
                                + $"expected a non-empty string unique per row.",
                            "rows"
                        );
            }
            reader.Skip();
        }
        return (count, callerId);
    }

    private static string Preview(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
