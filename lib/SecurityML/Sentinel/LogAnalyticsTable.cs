namespace SecurityML.Sentinel;

/// <summary>
/// One result table of a query: columns and rows of typed values (see <see cref="LogAnalyticsColumnType"/> for the
/// .NET type of each column type); a null cell is <c>null</c>.
/// </summary>
public sealed class LogAnalyticsTable
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a table.</summary>
    /// <param name="name">The table name, <c>PrimaryResult</c> for the main result.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="rows">The rows; each has one value per column.</param>
    /// <exception cref="ArgumentException">When a row's length differs from the column count.</exception>
    public LogAnalyticsTable(string name, IReadOnlyList<LogAnalyticsColumn> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Name = name ?? "";
        Columns = columns;
        Rows = rows;
        _indexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < columns.Count; index++)
        {
            _indexByName.TryAdd(columns[index].Name, index);
        }
        var bad = rows.Select((row, index) => (row, index)).FirstOrDefault(pair => pair.row.Length != columns.Count);
        if (bad.row is not null)
        {
            throw new ArgumentException(
                $"Row {bad.index} has {bad.row.Length} values; expected one per column ({columns.Count}).",
                nameof(rows)
            );
        }
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<LogAnalyticsColumn> Columns { get; }

    /// <summary>The rows; <c>Rows[r][c]</c> is the value of column <c>c</c> in row <c>r</c>.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The index of a column (case-insensitive), or -1 when there is none.</summary>
    public int IndexOf(string columnName) => _indexByName.TryGetValue(columnName, out var index) ? index : -1;
}
