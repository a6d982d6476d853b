using System.IO.Compression;

namespace SecurityML.Sentinel;

/// <summary>A batch of serialised rows: <c>[row,row,...]</c> of at most the batch limit in bytes; or, with
/// <see cref="TooLarge"/>, one row that alone exceeds the limit; or, with <see cref="Failure"/> and no rows, the point
/// where the row source or the serialiser failed (row <see cref="FirstIndex"/> could not be read or
/// serialised).</summary>
/// <param name="FirstIndex">The index of the first row in the whole upload.</param>
/// <param name="Rows">Each row's UTF-8 JSON.</param>
internal sealed record JsonBatch(long FirstIndex, IReadOnlyList<byte[]> Rows)
{
    /// <summary>Why the single row of this batch cannot be sent (its JSON exceeds one call's limit); null
    /// otherwise.</summary>
    public string? TooLarge { get; init; }

    /// <summary>The exception the row source or the serialiser threw at <see cref="FirstIndex"/>; null
    /// otherwise.</summary>
    public Exception? Failure { get; init; }

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
