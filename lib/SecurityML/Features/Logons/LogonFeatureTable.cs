namespace SecurityML.Features.Logons;

/// <summary>One account-day with its model features (see <see cref="LogonFeatures.FeatureNames"/>).</summary>
/// <param name="Summary">The day's logon counts.</param>
/// <param name="Features">The six feature values in <see cref="LogonFeatures.FeatureNames"/> order.</param>
public sealed record LogonFeatureRow(LogonDailySummary Summary, double[] Features)
{
    /// <summary>The account, <c>DOMAIN\user</c>.</summary>
    public string Account => Summary.Account;

    /// <summary>The UTC day.</summary>
    public DateTimeOffset Date => Summary.Date;
}

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
            throw new ArgumentException($"Expected one of {string.Join(", ", FeatureNames)}, received '{featureName}'.", nameof(featureName));
        }
        return Vectors.Select(vector => vector[column]).ToArray();
    }
}

/// <summary>What a day's z-score compares it with.</summary>
public enum ZScoreBaseline
{
    /// <summary>All the account's days, the day itself included (the seed notebook). A single-day spike can then
    /// reach at most z = (n − 1)/√n, and accounts whose count never varies get log10(value + 1) every day.</summary>
    AllDays,

    /// <summary>The account's other days (leave one out): a spike is measured against the account's usual
    /// behaviour only, and an account that always does the same scores 0.</summary>
    OtherDays,
}
