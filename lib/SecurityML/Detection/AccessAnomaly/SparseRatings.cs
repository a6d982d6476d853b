namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// A sparse rating matrix in compressed sparse row (CSR) form: for row r, the columns
/// <c>Columns[RowStarts[r] .. RowStarts[r + 1])</c> in increasing order and their <c>Values</c>. Memory is
/// 12 bytes per rating plus 4 per row; no dense rows × columns matrix is ever built.
/// </summary>
internal sealed class SparseRatings
{
    private SparseRatings(int rowCount, int columnCount, int[] rowStarts, int[] columns, double[] values)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public int RatingCount => Columns.Length;

    public int CountOf(int row) => RowStarts[row + 1] - RowStarts[row];

    /// <summary>Builds the matrix from coordinate triples (no duplicates), sorting by row then column.</summary>
    public static SparseRatings FromTriples(int rowCount, int columnCount, int[] rows, int[] columns, double[] values)
    {
        // Two stable counting sorts (by column, then by row) order the triples by (row, column).
        var byColumn = CountingOrder(columns, columnCount, Enumerable.Range(0, columns.Length).ToArray());
        var order = CountingOrder(rows, rowCount, byColumn);
        var rowStarts = new int[rowCount + 1];
        foreach (var row in rows)
            rowStarts[row + 1]++;
        for (var row = 0; row < rowCount; row++)
            rowStarts[row + 1] += rowStarts[row];
        var sortedColumns = new int[order.Length];
        var sortedValues = new double[order.Length];
        for (var index = 0; index < order.Length; index++)
        {
            sortedColumns[index] = columns[order[index]];
            sortedValues[index] = values[order[index]];
        }
        return new SparseRatings(rowCount, columnCount, rowStarts, sortedColumns, sortedValues);
    }

    /// <summary>The transposed matrix (columns become rows), still sorted.</summary>
    public SparseRatings Transpose()
    {
        var rows = new int[RatingCount];
        for (var row = 0; row < RowCount; row++)
        {
            for (var index = RowStarts[row]; index < RowStarts[row + 1]; index++)
                rows[index] = row;
        }
        return FromTriples(ColumnCount, RowCount, Columns, rows, Values);
    }

    private static int[] CountingOrder(int[] keys, int keyCount, int[] order)
    {
        var starts = new int[keyCount + 1];
        foreach (var position in order)
            starts[keys[position] + 1]++;
        for (var key = 0; key < keyCount; key++)
            starts[key + 1] += starts[key];
        var result = new int[order.Length];
        foreach (var position in order)
            result[starts[keys[position]]++] = position;
        return result;
    }
}
