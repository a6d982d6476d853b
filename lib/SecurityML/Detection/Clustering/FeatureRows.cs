using System.Globalization;

namespace SecurityML.Detection.Clustering;

/// <summary>Checks feature rows and copies them into one row-major array, optionally scaled to unit length.</summary>
internal static class FeatureRows
{
    /// <summary>
    /// The rows as one row-major array; each row divided by its Euclidean norm when <paramref name="normalize"/> (as
    /// scikit-learn's <c>Normalizer</c>: all-zero rows stay zero).
    /// </summary>
    /// <param name="rows">The rows; all of <paramref name="expectedWidth"/> values, or of the first row's width when that is null.</param>
    /// <param name="normalize">Scale each row to unit length.</param>
    /// <param name="parameterName">Names the argument in error messages.</param>
    /// <param name="expectedWidth">The width rows must have (a fitted model's); the first row's when null.</param>
    /// <exception cref="ArgumentException">A row is null, has another width, has no values, or holds NaN or an infinity;
    /// the message gives the row, the column and the value.</exception>
    public static (double[] Values, int Width) Flatten(IReadOnlyList<IReadOnlyList<double>> rows, bool normalize,
        string parameterName, int? expectedWidth = null)
    {
        ArgumentNullException.ThrowIfNull(rows, parameterName);
        int width = expectedWidth ?? (rows.Count == 0 ? 0 : rows[0]?.Count ?? 0);
        if (rows.Count > 0 && width == 0)
        {
            throw new ArgumentException($"{parameterName}[0] must have at least one feature; received none.", parameterName);
        }
        var values = new double[rows.Count * width];
        for (int row = 0; row < rows.Count; row++)
        {
            IReadOnlyList<double> source = rows[row]
                ?? throw new ArgumentException($"{parameterName}[{row}] is null; expected {width} features.", parameterName);
            if (source.Count != width)
            {
                throw new ArgumentException($"{parameterName}[{row}] has {source.Count} features; expected {width}.", parameterName);
            }
            Span<double> target = values.AsSpan(row * width, width);
            for (int column = 0; column < width; column++)
            {
                double value = source[column];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{parameterName}[{row}][{column}] is {value}; expected a finite number."), parameterName);
                }
                target[column] = value;
            }
            if (normalize) NormalizeToUnitLength(target);
        }
        return (values, width);
    }

    /// <summary>Divides <paramref name="row"/> by its Euclidean norm; leaves an all-zero row unchanged.</summary>
    public static void NormalizeToUnitLength(Span<double> row)
    {
        double sumOfSquares = 0;
        foreach (double value in row) sumOfSquares += value * value;
        double norm = Math.Sqrt(sumOfSquares);
        if (norm == 0) return;
        for (int column = 0; column < row.Length; column++) row[column] /= norm;
    }
}
