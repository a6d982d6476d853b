using MathNet.Numerics.Statistics;

namespace SecurityML.Explain;

/// <summary>Pearson correlations between feature columns, for a correlation heatmap.</summary>
public static class FeatureCorrelation
{
    /// <summary>The Pearson correlation matrix of the columns of <paramref name="rows"/>.</summary>
    /// <param name="rows">Rows of equal length; at least two.</param>
    /// <returns>columns × columns; 1 on the diagonal; NaN in the whole row and column of a constant column or one
    /// holding NaN (shown as a gap), whose correlation is undefined.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows, or rows of different lengths.</exception>
    public static double[][] Pearson(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2 || rows.Any(row => row is null || row.Length != rows[0].Length))
        {
            throw new ArgumentException(
                $"Expected at least two rows of equal length, received {rows.Count} rows.",
                nameof(rows)
            );
        }
        int columns = rows[0].Length;
        double[][] values = Enumerable
            .Range(0, columns)
            .Select(column => rows.Select(row => row[column]).ToArray())
            .ToArray();
        var matrix = Correlation.PearsonMatrix(values);
        // A constant column has no correlation, not even with itself (0/0), nor has one holding NaN: its whole row
        // and column are NaN.
        bool[] constant = values.Select(column => column.Distinct().Count() == 1 || column.Any(double.IsNaN)).ToArray();
        return Enumerable
            .Range(0, columns)
            .Select(row =>
                Enumerable
                    .Range(0, columns)
                    .Select(column =>
                        constant[row] || constant[column] ? double.NaN
                        : row == column ? 1.0
                        : matrix[row, column]
                    )
                    .ToArray()
            )
            .ToArray();
    }
}
