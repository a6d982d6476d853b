using System.Text;

namespace SecurityML.Data;

/// <summary>
/// The input contract of every reader (CSV, JSON Lines, <c>secml score</c> on files, folders and stdin): how bytes
/// become text and how long a line may be. The defaults read UTF-8 with or without a byte order mark and ISO 8601
/// timestamps; anything else must be named here.
/// </summary>
/// <remarks>
/// Bytes that are not valid in the encoding are an error naming the file, line and column, never replaced by
/// U+FFFD. Only encodings in which a line break is the single byte <c>0x0A</c> can be named (UTF-8, Windows code
/// pages such as <c>windows-1252</c>, ISO-8859-x); UTF-16/32 files must be converted to UTF-8 first.
/// </remarks>
public sealed record DataReadOptions
{
    /// <summary>Default <see cref="MaximumLineLength"/>: 4 MiB (4,194,304 bytes).</summary>
    public const int DefaultMaximumLineLength = 4 * 1024 * 1024;

    /// <summary>The defaults: UTF-8, ISO 8601 timestamps, lines up to 4 MiB.</summary>
    public static DataReadOptions Default { get; } = new();

    /// <summary>The encoding of the input; null (default) for UTF-8 with or without a byte order mark. Use
    /// <see cref="EncodingFromName"/> for a name such as <c>windows-1252</c> (what Excel and PowerShell 5
    /// write).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The longest line accepted, in bytes without the line break; at least 1; default
    /// <see cref="DefaultMaximumLineLength"/>. A longer line is an error (memory stays bounded by this
    /// length).</summary>
    public int MaximumLineLength { get; init; } = DefaultMaximumLineLength;

    /// <summary>False (default): in a CSV input, a last line without a line break is treated as cut short (a file
    /// truncated inside a number would otherwise load a wrong value): an error in strict mode, a dropped row in lenient
    /// mode, a bad line in <c>secml score</c> (also for a file in a watched folder that is still being written: move
    /// complete files in). True: such a last line is read like any other (for tools that omit the final line
    /// break). JSON Lines are not affected: a cut JSON line is invalid JSON.</summary>
    public bool AllowUnterminatedLastLine { get; init; }

    /// <summary>A .NET custom date and time format (invariant culture) for timestamp columns, e.g.
    /// <c>M/d/yyyy h:mm:ss tt</c>; null (default) for ISO 8601 only. Times without an offset in the format are
    /// UTC.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The encoding called <paramref name="name"/> (e.g. <c>utf-8</c>, <c>windows-1252</c>,
    /// <c>iso-8859-1</c>), with the Windows code pages available.</summary>
    /// <exception cref="ArgumentException">The name is unknown, or the encoding does not write a line break as the
    /// single byte 0x0A (UTF-16, UTF-32); the message names the parameter and the value received.</exception>
    public static Encoding EncodingFromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException(
                $"Unknown encoding; expected a name such as utf-8 or windows-1252, received '{name}'.",
                nameof(name),
                exception
            );
        }
        CheckLineBreaks(encoding, nameof(name));
        return encoding;
    }

    /// <summary>Checks the options; the message names the option, the expected and the received value.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (MaximumLineLength < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumLineLength),
                MaximumLineLength,
                $"{nameof(MaximumLineLength)}: expected at least 1 byte, received {MaximumLineLength}."
            );
        }
        if (Encoding is { } encoding)
            CheckLineBreaks(encoding, nameof(Encoding));
        if (TimestampFormat is { Length: 0 })
        {
            throw new ArgumentException(
                $"{nameof(TimestampFormat)}: expected a format or null, received an empty text.",
                nameof(TimestampFormat)
            );
        }
    }

    private static void CheckLineBreaks(Encoding encoding, string parameterName)
    {
        if (encoding.GetBytes("\n\r,\"") is not [0x0A, 0x0D, 0x2C, 0x22])
        {
            throw new ArgumentException(
                $"Unsupported encoding; expected one that writes line breaks, commas and quotes as ASCII (UTF-8, "
                    + $"windows-1252, "
                    + $"iso-8859-1 ...), received {encoding.WebName}. Convert the file to UTF-8.",
                parameterName
            );
        }
    }
}
