using System.IO.Compression;
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

    /// <summary>Cuts <paramref name="rows"/> into batches of at most <paramref name="maximumBytes"/> bytes.</summary>
    /// <exception cref="ArgumentException">When one row alone exceeds the limit (raised when that row is reached).</exception>
    public static IEnumerable<JsonBatch> Batches<T>(IEnumerable<T> rows, int maximumBytes)
    {
        var current = new List<byte[]>();
        long currentBytes = 2;
        long index = 0;
        long firstIndex = 0;
        foreach (var row in rows)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(row, RowOptions);
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
    }
}
