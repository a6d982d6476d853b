namespace SecurityML.Data;

/// <summary>
/// A <see cref="TextReader"/> over an <see cref="InputLineReader"/>, for parsers that read characters (CsvHelper):
/// the text is exactly the input's, line breaks included; a line the contract rejects (invalid bytes, too long)
/// throws its <see cref="DataFormatException"/>.
/// </summary>
internal sealed class InputTextReader(InputLineReader lines) : TextReader
{
    private string _current = "";
    private int _position;

    /// <inheritdoc/>
    public override int Peek() => Available() ? _current[_position] : -1;

    /// <inheritdoc/>
    public override int Read() => Available() ? _current[_position++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Available()) return 0;
        int count = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    private bool Available()
    {
        while (_position == _current.Length)
        {
            if (lines.ReadLine() is not { } line) return false;
            if (line.Problem is { } problem) throw problem;
            (_current, _position) = (line.Text + line.LineBreak, 0);
        }
        return true;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) lines.Dispose();
        base.Dispose(disposing);
    }
}
