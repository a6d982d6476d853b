using System.Globalization;

namespace SecurityML.Detection;

/// <summary>
/// The one place detectors check feature rows (as SharpLearning's <c>Checks</c>), with one message template:
/// <c>Expected {what} in row {row}[, column {column}], received {value}.</c>, the argument's name given as the
/// exception's parameter name (so the message ends <c>(Parameter 'items')</c>). Values are formatted with the invariant
/// culture.
/// </summary>
internal static class FeatureRows
{
    /// <summary>Checks training rows: at least one, none null, equal lengths ≥ 1, finite values.</summary>
    /// <returns>The number of features (the first row's length).</returns>
    /// <exception cref="ArgumentException">No rows, a null row, a row of another length or a non-finite
    /// value.</exception>
    public static int CheckTraining(IReadOnlyList<double[]> rows, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(rows, parameterName);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Expected at least one training row, received none.", parameterName);
        }
        int featureCount = Width(rows[0], parameterName);
        for (int index = 0; index < rows.Count; index++)
        {
            CheckLength(rows[index], index, featureCount, parameterName);
            CheckFinite(rows[index], index, parameterName);
        }
        return featureCount;
    }

    /// <summary>Checks that a row is not null and has <paramref name="featureCount"/> values.</summary>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException">The row is null.</exception>
    /// <exception cref="ArgumentException">The row has another length.</exception>
    public static IReadOnlyList<double> CheckLength(
        IReadOnlyList<double>? row,
        int index,
        int featureCount,
        string parameterName
    )
    {
        if (row is null)
        {
            throw new ArgumentNullException(parameterName, $"Expected a row at index {index}, received null.");
        }
        if (row.Count != featureCount)
        {
            string received = row.Count.ToString(CultureInfo.InvariantCulture);
            throw new ArgumentException(Message($"{featureCount} features", index, null, received), parameterName);
        }
        return row;
    }

    /// <summary>
    /// The rows as one row-major array after <see cref="CheckLength"/> and a finite check of every value; each row
    /// divided by its Euclidean norm when <paramref name="normalize"/> (as scikit-learn's <c>Normalizer</c>: all-zero
    /// rows stay zero).
    /// No rows give an empty array of width <paramref name="expectedWidth"/> (0 when null).
    /// </summary>
    /// <param name="rows">The rows; all of <paramref name="expectedWidth"/> values, or of the first row's width when
    /// that is null.</param>
    /// <param name="normalize">Scale each row to unit length.</param>
    /// <param name="parameterName">Names the argument in error messages.</param>
    /// <param name="expectedWidth">The width rows must have (a fitted model's); the first row's when null.</param>
    /// <exception cref="ArgumentException">A row is null, has another width, has no values, or holds NaN or an
    /// infinity.</exception>
    public static (double[] Values, int Width) Flatten(
        IReadOnlyList<IReadOnlyList<double>> rows,
        bool normalize,
        string parameterName,
        int? expectedWidth = null
    )
    {
        ArgumentNullException.ThrowIfNull(rows, parameterName);
        int width = expectedWidth ?? (rows.Count == 0 ? 0 : Width(rows[0], parameterName));
        var values = new double[rows.Count * width];
        for (int row = 0; row < rows.Count; row++)
        {
            IReadOnlyList<double> source = CheckLength(rows[row], row, width, parameterName);
            Span<double> target = values.AsSpan(row * width, width);
            for (int column = 0; column < width; column++)
            {
                target[column] = source[column];
            }
            CheckFinite(target, row, parameterName);
            if (normalize)
                NormalizeToUnitLength(target);
        }
        return (values, width);
    }

    /// <summary>The given names (checked against the row length) or <c>f0, f1, …</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="names"/> has another count (parameter
    /// <c>featureNames</c>).</exception>
    public static string[] Names(IReadOnlyList<string>? names, int featureCount)
    {
        if (names is null)
        {
            return Enumerable
                .Range(0, featureCount)
                .Select(index => "f" + index.ToString(CultureInfo.InvariantCulture))
                .ToArray();
        }
        if (names.Count != featureCount)
        {
            throw new ArgumentException(
                $"Expected {featureCount} feature names (one per column), received {names.Count}.",
                "featureNames"
            );
        }
        return names.ToArray();
    }

    /// <summary>True if every value of the row is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> row)
    {
        foreach (double value in row)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Divides <paramref name="row"/> by its Euclidean norm; leaves an all-zero row unchanged.</summary>
    public static void NormalizeToUnitLength(Span<double> row)
    {
        double sumOfSquares = 0;
        foreach (double value in row)
            sumOfSquares += value * value;
        double norm = Math.Sqrt(sumOfSquares);
        if (norm == 0)
            return;
        for (int column = 0; column < row.Length; column++)
            row[column] /= norm;
    }

    private static int Width(IReadOnlyList<double>? first, string parameterName)
    {
        IReadOnlyList<double> row =
            first ?? throw new ArgumentNullException(parameterName, "Expected a row at index 0, received null.");
        if (row.Count == 0)
        {
            throw new ArgumentException(Message("at least one feature", 0, null, "none"), parameterName);
        }
        return row.Count;
    }

    private static void CheckFinite(ReadOnlySpan<double> row, int index, string parameterName)
    {
        for (int column = 0; column < row.Length; column++)
        {
            if (!double.IsFinite(row[column]))
            {
                string received = row[column].ToString(CultureInfo.InvariantCulture);
                throw new ArgumentException(Message("a finite value", index, column, received), parameterName);
            }
        }
    }

    private static string Message(string expected, int row, int? column, string received)
    {
        string where = column is { } index
            ? string.Create(CultureInfo.InvariantCulture, $"row {row}, column {index}")
            : string.Create(CultureInfo.InvariantCulture, $"row {row}");
        return $"Expected {expected} in {where}, received {received}.";
    }
}
