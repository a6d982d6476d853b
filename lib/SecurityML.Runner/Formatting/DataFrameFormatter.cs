using System.Collections;
using SecurityML.Display;

namespace SecurityML.Runner.Formatting;

/// <summary>
/// Shows a Microsoft.Data.Analysis <c>DataFrame</c> as the library's <see cref="DisplayTable"/> (the HTML table that
/// <c>frame.ToDisplayTable()</c> gives in every kernel), found by type name so the runner needs no reference to the
/// package: column names as headers, the first <see cref="DisplayTable.DefaultMaxRows"/> rows, a row count, text
/// encoded once.
/// </summary>
internal static class DataFrameFormatter
{
    private const string DataFrameTypeName = "Microsoft.Data.Analysis.DataFrame";

    /// <summary>True when <paramref name="value"/> is a <c>DataFrame</c> (or derives from one).</summary>
    public static bool IsDataFrame(object value)
    {
        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == DataFrameTypeName)
                return true;
        }
        return false;
    }

    /// <summary>The frame as a display table.</summary>
    public static DisplayTable ToTable(object frame)
    {
        var type = frame.GetType();
        var columns = ((IEnumerable)type.GetProperty("Columns")!.GetValue(frame)!).Cast<object>().ToList();
        var rows = type.GetProperty("Rows")!.GetValue(frame)!;
        var rowCount = (long)rows.GetType().GetProperty("Count")!.GetValue(rows)!;
        var described = columns
            .Select(column =>
                (
                    Name: (string)column.GetType().GetProperty("Name")!.GetValue(column)!,
                    ValueType: (Type)column.GetType().GetProperty("DataType")!.GetValue(column)!
                )
            )
            .ToList();
        var indexers = columns.Select(column => column.GetType().GetProperty("Item", [typeof(long)])!).ToList();
        return DisplayTables.OfColumns(
            described,
            rowCount,
            (row, column) => indexers[column].GetValue(columns[column], [row])
        );
    }
}
