using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SecurityML.Data;

/// <summary>
/// Reads the lines of a byte stream under the input contract of <see cref="DataReadOptions"/>: the one place where
/// every reader (CSV, JSON Lines, stdin and watched folders of <c>secml score</c>) turns bytes into text.
/// </summary>
/// <remarks>
/// A UTF-8 byte order mark is skipped; a UTF-16/32 one is an error. Invalid bytes and lines longer than
/// <see cref="DataReadOptions.MaximumLineLength"/> make that line a problem naming the source, line and column; the
/// next line reads normally, so a caller may skip it. A too-long line is skipped without being held in memory.
/// </remarks>
public sealed class InputLineReader : IDisposable
{
    private const byte LineFeed = (byte)'\n';
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Encoding? _encoding;
    private readonly Encoding? _lenientEncoding;
    private readonly int _maximumLength;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _atEnd;
    private bool _startChecked;

    /// <summary>Creates the reader.</summary>
    /// <param name="stream">The input, read forward once.</param>
    /// <param name="sourceName">Names the input in problems (a path, or <c>stdin</c>).</param>
    /// <param name="options">The contract; null for <see cref="DataReadOptions.Default"/>.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    public InputLineReader(Stream stream, string sourceName, DataReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= DataReadOptions.Default;
        options.Validate();
        (_stream, SourceName, _leaveOpen, _maximumLength) = (stream, sourceName, leaveOpen, options.MaximumLineLength);
        if (options.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
        {
            _encoding = Encoding.GetEncoding(
                encoding.CodePage,
                EncoderFallback.ExceptionFallback,
                DecoderFallback.ExceptionFallback
            );
            _lenientEncoding = Encoding.GetEncoding(encoding.CodePage);
        }
    }

    /// <summary>Opens a file for reading under the contract.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static InputLineReader Open(string path, DataReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new InputLineReader(File.OpenRead(path), path, options);
    }

    /// <summary>Names the input in problems.</summary>
    public string SourceName { get; }

    /// <summary>The number of the last line read; 0 before the first.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line.</summary>
    /// <returns>The line, or null at the end of the input.</returns>
    /// <exception cref="DataFormatException">The input starts with a UTF-16/32 byte order mark, or with a UTF-8 one
    /// while another encoding was named.</exception>
    public InputLine? ReadLine()
    {
        if (!_startChecked)
            CheckStart();
        _line.Clear();
        bool tooLong = false;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                if (_line.WrittenCount == 0 && !tooLong)
                    return null;
                return Finish(tooLong, "");
            }
            var available = _buffer.AsSpan(_start, _end - _start);
            int newline = available.IndexOf(LineFeed);
            var part = newline < 0 ? available : available[..newline];
            if (!tooLong && _line.WrittenCount + part.Length > _maximumLength + 1)
            {
                tooLong = true;
                _line.Clear();
            }
            if (!tooLong)
                _line.Write(part);
            _start += newline < 0 ? available.Length : newline + 1;
            if (newline >= 0)
                return Finish(tooLong, "\n");
        }
    }

    private InputLine Finish(bool tooLong, string lineBreak)
    {
        LineNumber++;
        var bytes = _line.WrittenSpan;
        if (lineBreak.Length > 0 && bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
            lineBreak = "\r\n";
        }
        if (tooLong || bytes.Length > _maximumLength)
        {
            return new InputLine(
                LineNumber,
                null,
                lineBreak,
                new DataFormatException(
                    SourceName,
                    LineNumber,
                    null,
                    $"the line is longer than the limit of {_maximumLength} bytes "
                        + $"(DataReadOptions.MaximumLineLength, secml score --max-line-length); it was not read."
                )
            );
        }
        return Decode(bytes, out var text) is { } problem
            ? new InputLine(LineNumber, null, lineBreak, problem)
            : new InputLine(LineNumber, text, lineBreak, null);
    }

    private DataFormatException? Decode(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        if (_encoding is null)
        {
            var chars = new char[bytes.Length];
            var status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done)
            {
                text = new string(chars, 0, written);
                return null;
            }
            // Show the invalid sequence only (1 to 3 bytes), not the valid bytes after it.
            System.Text.Rune.DecodeFromUtf8(bytes[read..], out _, out int invalidLength);
            return InvalidBytes(bytes, read, Math.Max(1, invalidLength), written + 1, "UTF-8");
        }
        try
        {
            text = _encoding.GetString(bytes);
            return null;
        }
        catch (DecoderFallbackException exception)
        {
            int index = Math.Clamp(exception.Index, 0, bytes.Length);
            return InvalidBytes(
                bytes,
                index,
                Math.Max(1, exception.BytesUnknown?.Length ?? 1),
                _lenientEncoding!.GetCharCount(bytes[..index]) + 1,
                _encoding.WebName
            );
        }
    }

    private DataFormatException InvalidBytes(
        ReadOnlySpan<byte> bytes,
        int byteIndex,
        int invalidLength,
        int column,
        string encodingName
    )
    {
        var shown = Convert.ToHexString(bytes.Slice(byteIndex, Math.Min(invalidLength, bytes.Length - byteIndex)));
        var hint = _encoding is null
            ? " Name the file's encoding (e.g. encoding windows-1252, as Excel and PowerShell 5 write)."
            : "";
        return new DataFormatException(
            SourceName,
            LineNumber,
            column,
            $"invalid {encodingName} bytes 0x{shown} at byte {byteIndex + 1} of the line.{hint}"
        );
    }

    private void CheckStart()
    {
        _startChecked = true;
        while (_end < 4 && !_atEnd)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _atEnd = true;
            _end += read;
        }
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new DataFormatException(
                SourceName,
                1,
                null,
                "expected UTF-8 text, received UTF-16/32 (the file starts with a byte order mark FF FE or FE FF); "
                    + "convert it to UTF-8."
            );
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (_encoding is not null)
            {
                throw new DataFormatException(
                    SourceName,
                    1,
                    null,
                    $"the file starts with a UTF-8 byte order mark, but the encoding {_encoding.WebName} was "
                        + $"named; read it as UTF-8."
                );
            }
            _start = 3;
        }
    }

    private bool Fill()
    {
        if (_atEnd)
            return false;
        _start = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
            _atEnd = true;
        return _end > 0;
    }

    /// <summary>Closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
