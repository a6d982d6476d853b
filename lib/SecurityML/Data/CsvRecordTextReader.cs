namespace SecurityML.Data;

/// <summary>
/// A <see cref="TextReader"/> for CsvHelper over <see cref="CsvRecordReader"/>: the text of each good record followed
/// by <c>\n</c>, so CsvHelper (reading with <c>NewLine = "\n"</c>) parses exactly one record per good record. Every
/// item read, good or not, is queued in <see cref="Items"/> in line order: CsvHelper reads ahead, so the caller takes
/// one good item per record CsvHelper returns and handles the problems queued before it.
/// </summary>
internal sealed class CsvRecordTextReader(IEnumerable<CsvRecord> records, IDisposable lines) : TextReader
{
    private readonly IEnumerator<CsvRecord> _records = records.GetEnumerator();
    private string _current = "";
    private int _position;

    /// <summary>The records and problems read so far and not yet taken by the caller.</summary>
    public Queue<CsvRecord> Items { get; } = new();

    /// <inheritdoc/>
    public override int Peek() => Available() ? _current[_position] : -1;

    /// <inheritdoc/>
    public override int Read() => Available() ? _current[_position++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Available())
            return 0;
        int count = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    private bool Available()
    {
        while (_position == _current.Length)
        {
            if (!_records.MoveNext())
                return false;
            var record = _records.Current;
            Items.Enqueue(record);
            if (record.Problem is null)
                (_current, _position) = (record.Text + "\n", 0);
        }
        return true;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _records.Dispose();
            lines.Dispose();
        }
        base.Dispose(disposing);
    }
}
