namespace SecurityML.Features.Logons;

/// <summary>The feature rows of a logon-anomaly run and the matrix the isolation forest trains on.</summary>
public sealed class LogonFeatureTable
{
    /// <summary>Wraps rows built by <see cref="LogonFeatures.Build"/>.</summary>
    public LogonFeatureTable(IReadOnlyList<LogonFeatureRow> rows, ZScoreBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows;
        Baseline = baseline;
        Vectors = rows.Select(row => row.Features).ToArray();
    }

    /// <summary>What the z-scores compared each day with.</summary>
    public ZScoreBaseline Baseline { get; }

    /// <summary>The account-days, in order.</summary>
    public IReadOnlyList<LogonFeatureRow> Rows { get; }

    /// <summary>The feature vector of each row (the same arrays as <see cref="LogonFeatureRow.Features"/>).</summary>
    public IReadOnlyList<double[]> Vectors { get; }

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => LogonFeatures.FeatureNames;

    /// <summary>The values of one feature over all rows.</summary>
    /// <exception cref="ArgumentException"><paramref name="featureName"/> is not a feature.</exception>
    public double[] Column(string featureName)
    {
        int column = FeatureNames.ToList().IndexOf(featureName);
        if (column < 0)
        {
            throw new ArgumentException(
                $"Expected one of {string.Join(", ", FeatureNames)}, received '{featureName}'.",
                nameof(featureName)
            );
        }
        return Vectors.Select(vector => vector[column]).ToArray();
    }
}
