using System.Globalization;

namespace SecurityML.Detection.IsolationForest;

/// <summary>Checks of feature rows, in one place, with messages naming the row, the expected and the received value.</summary>
internal static class FeatureRows
{
    /// <summary>Checks training rows: at least one, none null, equal lengths ≥ 1, finite values. Returns the length.</summary>
    public static int CheckTraining(IReadOnlyList<double[]> rows, string parameterName)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("Expected at least one training row, received none.", parameterName);
        }
        int featureCount = (rows[0] ?? throw new ArgumentNullException(parameterName, "Expected a row at index 0, received null.")).Length;
        if (featureCount == 0)
        {
            throw new ArgumentException("Expected at least one feature, received rows of length 0.", parameterName);
        }
        for (int index = 0; index < rows.Count; index++)
        {
            CheckLength(rows[index], index, featureCount, parameterName);
            int column = Array.FindIndex(rows[index], value => !double.IsFinite(value));
            if (column >= 0)
            {
                throw new ArgumentException(
                    $"Expected finite values, received {rows[index][column].ToString(CultureInfo.InvariantCulture)} in row {index}, column {column}.",
                    parameterName);
            }
        }
        return featureCount;
    }

    /// <summary>Checks that a row is not null and has <paramref name="featureCount"/> values.</summary>
    public static void CheckLength(double[]? row, int index, int featureCount, string parameterName)
    {
        if (row is null)
        {
            throw new ArgumentNullException(parameterName, $"Expected a row at index {index}, received null.");
        }
        if (row.Length != featureCount)
        {
            throw new ArgumentException(
                $"Expected {featureCount} features in row {index}, received {row.Length}.", parameterName);
        }
    }

    /// <summary>The given names (checked against the row length) or <c>f0, f1, …</c>.</summary>
    public static string[] Names(IReadOnlyList<string>? names, int featureCount)
    {
        if (names is null)
        {
            return Enumerable.Range(0, featureCount).Select(index => "f" + index.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        if (names.Count != featureCount)
        {
            throw new ArgumentException(
                $"Expected {featureCount} feature names (one per column), received {names.Count}.", "featureNames");
        }
        return names.ToArray();
    }

    /// <summary>True if every value of the row is finite.</summary>
    public static bool AllFinite(double[] row)
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
}
