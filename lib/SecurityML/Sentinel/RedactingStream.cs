using System.Text;

namespace SecurityML.Sentinel;

/// <summary>
/// A read-only stream over a response body that replaces every given secret with
/// <see cref="SecretRedaction.Replacement"/> as the body is read, holding back only the last (longest secret − 1)
/// bytes between reads, so a secret split across network reads is still found. Not seekable.
/// </summary>
internal sealed class RedactingStream : Stream
{
    private const int ChunkSize = 81920;
    private readonly Stream _inner;
    private readonly byte[][] _secrets;
    private readonly byte[] _replacement = Encoding.UTF8.GetBytes(SecretRedaction.Replacement);
    private readonly int _holdBack;
    private readonly byte[] _chunk = new byte[ChunkSize];
    private byte[] _carry = [];
    private byte[] _ready = [];
    private int _readyOffset;
    private bool _ended;

    /// <param name="inner">The body; disposed with this stream.</param>
    /// <param name="secrets">The secrets, longest first; at least one.</param>
    public RedactingStream(Stream inner, IReadOnlyList<string> secrets)
    {
        _inner = inner;
        _secrets = secrets.Select(secret => Encoding.UTF8.GetBytes(secret)).ToArray();
        _holdBack = _secrets.Max(secret => secret.Length) - 1;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_readyOffset == _ready.Length && !_ended)
        {
            Accept(_inner.Read(_chunk));
        }
        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_readyOffset == _ready.Length && !_ended)
        {
            Accept(await _inner.ReadAsync(_chunk, cancellationToken).ConfigureAwait(false));
        }
        return Take(buffer.Span);
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _ready.Length - _readyOffset);
        _ready.AsSpan(_readyOffset, count).CopyTo(buffer);
        _readyOffset += count;
        return count;
    }

    /// <summary>Appends <paramref name="read"/> bytes to the held-back ones and makes ready every byte that no secret
    /// can still start at; at the end of the body, all of them.</summary>
    private void Accept(int read)
    {
        _ended = read == 0;
        var data = new byte[_carry.Length + read];
        _carry.CopyTo(data, 0);
        _chunk.AsSpan(0, read).CopyTo(data.AsSpan(_carry.Length));
        var safe = _ended ? data.Length : Math.Max(0, data.Length - _holdBack);
        using var output = new MemoryStream(data.Length);
        var position = 0;
        while (true)
        {
            var (start, length) = NextSecret(data, position);
            if (start < 0 || start >= safe)
            {
                break;
            }
            output.Write(data, position, start - position);
            output.Write(_replacement);
            position = start + length;
        }
        var end = Math.Max(position, safe);
        output.Write(data, position, end - position);
        _carry = data[end..];
        _ready = output.ToArray();
        _readyOffset = 0;
    }

    private (int Start, int Length) NextSecret(byte[] data, int from)
    {
        var best = (Start: -1, Length: 0);
        foreach (var secret in _secrets)
        {
            var at = data.AsSpan(from).IndexOf(secret);
            if (at >= 0 && (best.Start < 0 || from + at < best.Start))
            {
                best = (from + at, secret.Length);
            }
        }
        return best;
    }
}
