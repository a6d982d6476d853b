using SecurityML.Scoring;

namespace SecurityML.Runner.Commands;

/// <summary>
/// Tells the format of <c>secml score --input -</c> when --format is auto: JSON Lines when the first byte that is not
/// white space (after a UTF-8 byte order mark) is <c>{</c>, CSV otherwise (a header line); JSON Lines for empty
/// input. Only the first 64 KiB are looked at; the bytes read are given back in front of the rest.
/// </summary>
internal static class StandardInputFormat
{
    private const int MaximumLookAhead = 64 * 1024;

    /// <summary>Reads the start of <paramref name="input"/> and returns the format and a stream that yields every
    /// byte.</summary>
    public static (EventFormat Format, Stream Input) Detect(Stream input)
    {
        var head = new MemoryStream();
        var buffer = new byte[4096];
        EventFormat? format = null;
        while (format is null && head.Length < MaximumLookAhead)
        {
            int read = input.Read(buffer, 0, buffer.Length);
            if (read == 0)
                break;
            head.Write(buffer, 0, read);
            format = Decide(head.GetBuffer().AsSpan(0, (int)head.Length));
        }
        head.Position = 0;
        return (format ?? EventFormat.JsonLines, new ConcatenatedStream(head, input));
    }

    private static EventFormat? Decide(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        foreach (var value in head)
        {
            if (value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return value == (byte)'{' ? EventFormat.JsonLines : EventFormat.Csv;
        }
        return null;
    }

    /// <summary>Reads one stream, then another (read-only, forward only).</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = first.Read(buffer, offset, count);
            return read > 0 ? read : second.Read(buffer, offset, count);
        }
    }
}
