using System.Collections;
using System.Reflection;

namespace SecurityML.Display;

/// <summary>Builds <see cref="DisplayTable"/>s from sequences of records in one call: <c>rows.ToTable()</c>.</summary>
public static class DisplayTables
{
    /// <summary>
    /// A table of <paramref name="rows"/>: one column per public property (then public field) of
    /// <typeparamref name="T"/> in declaration order, or a single <c>Value</c> column when <typeparamref name="T"/>
    /// is a scalar (number, string, date, …). The sequence is read once: the first <paramref name="maxRows"/> rows
    /// are kept and the rest counted. Columns named <c>Bytes…</c> or <c>…Bytes</c> get the unit <c>bytes</c>;
    /// integer columns named <c>…Id</c>, <c>…ID</c> or <c>…Port</c> are shown without digit grouping.
    /// </summary>
    /// <param name="rows">The rows, e.g. records or anonymous objects; null rows show as empty cells.</param>
    /// <param name="maxRows">Most rows shown; default <see cref="DisplayTable.DefaultMaxRows"/>.</param>
    /// <param name="maxTextLength">Most characters of text in a cell; default
    /// <see cref="DisplayTable.DefaultMaxTextLength"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is negative or
    /// <paramref name="maxTextLength"/> is less than 2.</exception>
    public static DisplayTable ToTable<T>(
        this IEnumerable<T> rows,
        int maxRows = DisplayTable.DefaultMaxRows,
        int maxTextLength = DisplayTable.DefaultMaxTextLength
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextLength, 2);
        var shown = new List<object?>();
        var total = 0;
        foreach (var row in rows)
        {
            if (total++ < maxRows)
            {
                shown.Add(row);
            }
        }
        var rowType =
            typeof(T) == typeof(object)
                ? shown.FirstOrDefault(r => r is not null)?.GetType() ?? typeof(object)
                : typeof(T);
        return new DisplayTable(ColumnsOf(rowType), shown, total, maxRows, maxTextLength);
    }

    /// <summary>
    /// A two-column table (<c>Property</c>, <c>Value</c>) of one object's public properties and fields, for a
    /// single record such as a write summary or a model card, e.g. <c>DisplayTables.OfProperties(summary)</c>.
    /// </summary>
    /// <param name="value">The object; its public properties (then fields) in declaration order become rows.</param>
    /// <param name="maxTextLength">Most characters of text in a cell; default
    /// <see cref="DisplayTable.DefaultMaxTextLength"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static DisplayTable OfProperties(object value, int maxTextLength = DisplayTable.DefaultMaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rows = ColumnsOf(value.GetType()).Select(c => new PropertyRow(c.Header, c.Read(value))).ToList();
        return rows.ToTable(maxRows: int.MaxValue, maxTextLength);
    }

    /// <summary>
    /// A table of column-oriented data, such as a <c>DataFrame</c>: one column per entry of <paramref name="columns"/>
    /// (name and value type, e.g. <c>("Score", typeof(double))</c>), with the value of row <c>r</c>, column <c>c</c>
    /// read by <paramref name="cell"/><c>(r, c)</c> for the first <paramref name="maxRows"/> rows only. Values show by
    /// the same rules as <see cref="ToTable{T}(IEnumerable{T}, int, int)"/> (byte units, identifiers ungrouped).
    /// </summary>
    /// <param name="columns">Column names and declared value types, in display order.</param>
    /// <param name="rowCount">How many rows the data has (0 or more).</param>
    /// <param name="cell">Reads one value; null shows as an empty cell.</param>
    /// <param name="maxRows">Most rows shown; default <see cref="DisplayTable.DefaultMaxRows"/>.</param>
    /// <param name="maxTextLength">Most characters of text in a cell; default
    /// <see cref="DisplayTable.DefaultMaxTextLength"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or <paramref name="cell"/> is
    /// null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is negative or above
    /// <see cref="int.MaxValue"/>, <paramref name="maxRows"/> is negative or <paramref name="maxTextLength"/> is less
    /// than 2.</exception>
    public static DisplayTable OfColumns(
        IReadOnlyList<(string Name, Type ValueType)> columns,
        long rowCount,
        Func<long, int, object?> cell,
        int maxRows = DisplayTable.DefaultMaxRows,
        int maxTextLength = DisplayTable.DefaultMaxTextLength
    )
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, int.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextLength, 2);
        var shown = new List<object?>();
        for (var row = 0L; row < Math.Min(rowCount, maxRows); row++)
        {
            shown.Add(Enumerable.Range(0, columns.Count).Select(column => cell(row, column)).ToArray());
        }
        var displayColumns = columns
            .Select((column, index) => Column(column.Name, column.ValueType, row => ((object?[])row)[index]))
            .ToList();
        return new DisplayTable(displayColumns, shown, (int)rowCount, maxRows, maxTextLength);
    }

    private static List<DisplayColumn> ColumnsOf(Type rowType)
    {
        if (IsScalarType(rowType))
        {
            return [new DisplayColumn("Value", rowType, row => row)];
        }
        var columns = new List<DisplayColumn>();
        foreach (var property in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0)
            {
                columns.Add(Column(property.Name, property.PropertyType, row => property.GetValue(row)));
            }
        }
        foreach (var field in rowType.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            columns.Add(Column(field.Name, field.FieldType, row => field.GetValue(row)));
        }
        return columns.Count > 0 ? columns : [new DisplayColumn("Value", rowType, row => row)];
    }

    // Byte counts get their unit; identifiers and ports (EventID 4624, port 3389) are codes, not quantities, so
    // their digits are not grouped.
    private static DisplayColumn Column(string name, Type type, Func<object, object?> read) =>
        new(
            name,
            type,
            row => row is null ? null : read(row),
            unit: name.StartsWith("Bytes", StringComparison.Ordinal) || name.EndsWith("Bytes", StringComparison.Ordinal)
                ? "bytes"
                : null,
            format: IsInteger(type)
            && (
                name.EndsWith("Id", StringComparison.Ordinal)
                || name.EndsWith("ID", StringComparison.Ordinal)
                || name.EndsWith("Port", StringComparison.Ordinal)
            )
                ? "0"
                : null
        );

    private static bool IsInteger(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (
            t == typeof(int)
            || t == typeof(long)
            || t == typeof(short)
            || t == typeof(uint)
            || t == typeof(ulong)
            || t == typeof(ushort)
        );

    /// <summary>Whether values of <paramref name="type"/> show as one table cell (numbers, enums, text, times, GUIDs,
    /// dates, and sequences) rather than as a row of their properties; a nullable type as its underlying type. The
    /// library's tables and the runner's table writer use it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public static bool IsScalarType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive
            || underlying.IsEnum
            || underlying == typeof(string)
            || underlying == typeof(decimal)
            || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(TimeSpan)
            || underlying == typeof(Guid)
            || underlying == typeof(DateOnly)
            || underlying == typeof(TimeOnly)
            || typeof(IEnumerable).IsAssignableFrom(underlying);
    }

    private sealed record PropertyRow(string Property, object? Value);
}
