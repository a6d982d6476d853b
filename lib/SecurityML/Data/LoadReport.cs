namespace SecurityML.Data;

/// <summary>
/// Collects the rows a lenient read skipped. Passing a report to a reader switches it to lenient mode: bad rows are
/// skipped and recorded here instead of throwing. Without a report, readers are strict and throw
/// <see cref="DataFormatException"/> at the first bad row.
/// </summary>
/// <remarks>
/// The report fills while the rows are enumerated, so read it after the enumeration finished. It counts every dropped
/// row but keeps the details of the first <see cref="MaximumDetails"/> only, so it stays small on huge files.
/// A report may be shared by several reads (for example a provider reading several files).
/// </remarks>
public sealed class LoadReport
{
    /// <summary>How many dropped rows are kept in <see cref="DroppedRows"/>: 1000.</summary>
    public const int MaximumDetails = 1000;

    private readonly List<DataFormatException> _droppedRows = [];
    private readonly object _gate = new();

    /// <summary>Rows read successfully, over all reads that used this report.</summary>
    public long RowCount { get; private set; }

    /// <summary>Rows skipped because they were bad, over all reads that used this report.</summary>
    public long DroppedRowCount { get; private set; }

    /// <summary>Why rows were dropped (file, line, column, reason), the first <see cref="MaximumDetails"/> of
    /// them.</summary>
    public IReadOnlyList<DataFormatException> DroppedRows
    {
        get
        {
            lock (_gate)
            {
                return _droppedRows.ToArray();
            }
        }
    }

    /// <summary>Records one good row.</summary>
    internal void AddRow()
    {
        lock (_gate)
        {
            RowCount++;
        }
    }

    /// <summary>Records <paramref name="count"/> good rows at once (an engine that counts them itself).</summary>
    internal void AddRows(long count)
    {
        lock (_gate)
        {
            RowCount += count;
        }
    }

    /// <summary>Records <paramref name="count"/> dropped rows, with the details of those in
    /// <paramref name="reasons"/> (the first ones; at most <see cref="MaximumDetails"/> are kept).</summary>
    internal void AddDropped(IReadOnlyCollection<DataFormatException> reasons, long count)
    {
        lock (_gate)
        {
            DroppedRowCount += count;
            _droppedRows.AddRange(reasons.Take(MaximumDetails - _droppedRows.Count));
        }
    }

    /// <summary>Records one dropped row and why.</summary>
    internal void AddDropped(DataFormatException reason)
    {
        lock (_gate)
        {
            DroppedRowCount++;
            if (_droppedRows.Count < MaximumDetails)
            {
                _droppedRows.Add(reason);
            }
        }
    }

    /// <summary>A one-line summary followed by the first few reasons.</summary>
    public override string ToString()
    {
        var reasons = DroppedRows.Take(10).Select(row => "  " + row.Message);
        var head = $"{RowCount} row(s) read, {DroppedRowCount} dropped";
        return DroppedRowCount == 0
            ? head
            : head + ":" + Environment.NewLine + string.Join(Environment.NewLine, reasons);
    }
}
