using System.Text;

namespace SecurityML.Runner;

/// <summary>
/// A writer for <c>secml</c>'s standard output and error that shows the characters a terminal would act on instead of
/// passing them through: control characters other than line feed, carriage return and tab (C0, DEL and C1: escape
/// sequences, bell, backspace) and the bidirectional embedding, override and isolate marks (U+202A–U+202E,
/// U+2066–U+2069, which reorder what a reader sees). Each becomes <c>\uXXXX</c>, so a log line that carries an escape
/// sequence (logs are attacker-controlled, and their text reaches error messages and summaries) cannot recolour,
/// clear or retitle the user's terminal, and JSON written through it stays valid (the form is a JSON escape; JSON
/// text holds such characters only inside strings).
/// </summary>
/// <param name="inner">The writer written to (e.g. the original <see cref="Console.Error"/>).</param>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <summary>True for a character this writer shows as <c>\uXXXX</c>.</summary>
    public static bool IsEscaped(char character) =>
        (char.IsControl(character) && character is not ('\n' or '\r' or '\t'))
        || character is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text as this writer writes it.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsEscaped))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (char character in text)
        {
            if (IsEscaped(character))
                builder.Append($"\\u{(int)character:X4}");
            else
                builder.Append(character);
        }
        return builder.ToString();
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (IsEscaped(value))
            inner.Write($"\\u{(int)value:X4}");
        else
            inner.Write(value);
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is not null)
            inner.Write(Escape(value));
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Escape(value));

    /// <inheritdoc/>
    public override Task WriteAsync(string? value) => inner.WriteAsync(value is null ? null : Escape(value));

    /// <inheritdoc/>
    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(value is null ? null : Escape(value));

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    /// <inheritdoc/>
    public override Task FlushAsync() => inner.FlushAsync();
}
