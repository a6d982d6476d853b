namespace SecurityML.Display;

/// <summary>
/// A table of results for people to read, displayed identically by Polyglot Notebooks (VS Code), Jupyter's .NET
/// kernel and <c>secml</c> (through <see cref="DisplayTableFormatterSource"/>): column headers with units, numbers
/// right-aligned with digit grouping, days as <c>yyyy-MM-dd</c>, instants as ISO 8601 UTC, long text cut with the
/// full value on hover, a row count, and every piece of text HTML-encoded exactly once.
/// </summary>
/// <remarks>Create one with <see cref="DisplayTables.ToTable{T}(IEnumerable{T}, int, int)"/>, e.g.
/// <c>rows.ToTable()</c> or <c>rows.ToTable(maxRows: 20).Select("Account", "Score")</c>. The table keeps the first
/// <see cref="MaxRows"/> rows and counts the rest; it is immutable.</remarks>
[TypeFormatterSource(typeof(DisplayTableFormatterSource))]
public sealed class DisplayTable
{
    /// <summary>Rows shown by default: 50.</summary>
    public const int DefaultMaxRows = 50;

    /// <summary>Characters of text shown in a cell by default before it is cut (the full text is on hover):
    /// 80.</summary>
    public const int DefaultMaxTextLength = 80;

    internal DisplayTable(
        IReadOnlyList<DisplayColumn> columns,
        IReadOnlyList<object?> rows,
        int totalRowCount,
        int maxRows,
        int maxTextLength
    )
    {
        Columns = columns;
        Rows = rows;
        TotalRowCount = totalRowCount;
        MaxRows = maxRows;
        MaxTextLength = maxTextLength;
    }

    /// <summary>The columns, in display order.</summary>
    public IReadOnlyList<DisplayColumn> Columns { get; }

    /// <summary>The rows shown (at most <see cref="MaxRows"/>), as the original row objects.</summary>
    public IReadOnlyList<object?> Rows { get; }

    /// <summary>How many rows the source sequence had.</summary>
    public int TotalRowCount { get; }

    /// <summary>The most rows shown.</summary>
    public int MaxRows { get; }

    /// <summary>The most characters of text shown in a cell; longer text is cut and shown in full on hover.</summary>
    public int MaxTextLength { get; }

    /// <summary>True when the source had more rows than are shown.</summary>
    public bool IsTruncated => TotalRowCount > Rows.Count;

    /// <summary>Keeps only the named columns, in the order given.</summary>
    /// <param name="columns">Column names (case-sensitive), e.g. <c>"Account", "Score"</c>.</param>
    /// <returns>A new table.</returns>
    /// <exception cref="ArgumentException">No names, or a name that is not a column (the message lists the
    /// columns).</exception>
    public DisplayTable Select(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("Name at least one column.", nameof(columns));
        }
        return With(columns.Select(Find).ToList());
    }

    /// <summary>Shows <paramref name="unit"/> in the headers of <paramref name="columns"/>, e.g.
    /// <c>WithUnit("bytes", "Value", "Baseline")</c>; a null unit removes it. Columns whose name starts or ends with
    /// <c>Bytes</c> get <c>bytes</c> automatically.</summary>
    /// <exception cref="ArgumentException">No columns named, or a name that is not a column.</exception>
    public DisplayTable WithUnit(string? unit, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("Name at least one column.", nameof(columns));
        }
        var chosen = columns.Select(Find).ToHashSet();
        return With(Columns.Select(c => chosen.Contains(c) ? c.WithUnit(unit) : c).ToList());
    }

    /// <summary>Formats the values of <paramref name="column"/> with a .NET format string in the invariant culture,
    /// e.g. <c>F3</c>, <c>P1</c> or <c>yyyy-MM-dd HH:mm</c>, instead of the default rules.</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a column.</exception>
    public DisplayTable WithFormat(string column, string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        return With(Columns.Select(c => c == Find(column) ? c.WithFormat(format) : c).ToList());
    }

    /// <summary>The table as an HTML fragment: a horizontally scrolling <c>div</c> holding the <c>table</c> and a
    /// row count; all text from the rows is HTML-encoded once.</summary>
    public string ToHtml() => DisplayTableHtml.Write(this);

    /// <summary>A one-line summary, e.g. <c>DisplayTable: 5 rows × 3 columns (Account, Day, Score)</c>.</summary>
    public override string ToString() =>
        $"DisplayTable: {TotalRowCount} rows × {Columns.Count} columns "
        + $"({string.Join(", ", Columns.Select(c => c.Name))})";

    private DisplayColumn Find(string column) =>
        Columns.FirstOrDefault(c => c.Name == column)
        ?? throw new ArgumentException(
            $"No column '{column}'; the columns are: {string.Join(", ", Columns.Select(c => c.Name))}.",
            nameof(column)
        );

    private DisplayTable With(IReadOnlyList<DisplayColumn> columns) =>
        new(columns, Rows, TotalRowCount, MaxRows, MaxTextLength);
}
