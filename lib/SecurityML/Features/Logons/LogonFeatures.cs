namespace SecurityML.Features.Logons;

/// <summary>
/// The six model features of the guided investigation, from daily summaries: per-account z-scores of failed,
/// successful, successful-computer and successful-source-IP counts (<see cref="DampedZScore"/>), plus the raw
/// counts of successful computer domains and successful source hosts. Feature names are the Python notebook's
/// column names, so results can be compared with it.
/// </summary>
public static class LogonFeatures
{
    /// <summary>The feature names, in column order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "FailedLogons_zscore",
        "SuccessfulLogons_zscore",
        "ComputersSuccessfulAccess_zscore",
        "ComputerDomainsSuccessfulAccess",
        "SrcIpSuccessfulAccess_zscore",
        "SrcHostNameSuccessfulAccess",
    ];

    /// <summary>
    /// The seed notebook's damped z-score: z = (value − mean)/std floored at 0, then log10(z + 1); when std is 0 or
    /// undefined (one day), log10(value + 1) (0 for a value of 0).
    /// </summary>
    /// <param name="value">The day's count.</param>
    /// <param name="mean">The account's mean over its days.</param>
    /// <param name="standardDeviation">The account's sample standard deviation (n − 1); NaN for one day.</param>
    /// <returns>A value ≥ 0 (for value ≥ 0).</returns>
    public static double DampedZScore(double value, double mean, double standardDeviation)
    {
        if (standardDeviation == 0 || double.IsNaN(standardDeviation) || double.IsNaN(mean))
        {
            return value == 0 ? 0 : Math.Log10(value + 1);
        }
        return Math.Log10(Math.Max(0, (value - mean) / standardDeviation) + 1);
    }

    /// <summary>
    /// The damped z-score of a day against the account's other days (<see cref="ZScoreBaseline.OtherDays"/>):
    /// z = (value − mean)/std floored at 0, then log10(z + 1); when std is 0 or undefined (fewer than two other
    /// days), log10(max(0, value − mean) + 1), the raw increase; without other days, log10(value + 1).
    /// </summary>
    /// <param name="value">The day's count.</param>
    /// <param name="mean">The mean of the account's other days; NaN when there are none.</param>
    /// <param name="standardDeviation">Their sample standard deviation; NaN for fewer than two.</param>
    public static double DampedZScoreAgainstOtherDays(double value, double mean, double standardDeviation)
    {
        if (double.IsNaN(mean))
        {
            return Math.Log10(value + 1);
        }
        if (standardDeviation == 0 || double.IsNaN(standardDeviation))
        {
            return Math.Log10(Math.Max(0, value - mean) + 1);
        }
        return Math.Log10(Math.Max(0, (value - mean) / standardDeviation) + 1);
    }

    /// <summary>The feature table of <paramref name="summaries"/> (accounts compare case-insensitively); rows keep
    /// the input order.</summary>
    /// <param name="summaries">The account-days.</param>
    /// <param name="baseline">What each z-score compares a day with: <see cref="ZScoreBaseline.AllDays"/> (the
    /// seed notebook, default) or <see cref="ZScoreBaseline.OtherDays"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    public static LogonFeatureTable Build(
        IReadOnlyList<LogonDailySummary> summaries,
        ZScoreBaseline baseline = ZScoreBaseline.AllDays
    )
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var failed = ZScores(summaries, summary => summary.FailedLogons, baseline);
        var successful = ZScores(summaries, summary => summary.SuccessfulLogons, baseline);
        var computers = ZScores(summaries, summary => summary.ComputersSuccessfulAccess, baseline);
        var addresses = ZScores(summaries, summary => summary.SourceIpAddressesSuccessfulAccess, baseline);
        var rows = summaries
            .Select(
                (summary, index) =>
                    new LogonFeatureRow(
                        summary,
                        [
                            failed[index],
                            successful[index],
                            computers[index],
                            summary.ComputerDomainsSuccessfulAccess,
                            addresses[index],
                            summary.SourceHostNamesSuccessfulAccess,
                        ]
                    )
            )
            .ToList();
        return new LogonFeatureTable(rows, baseline);
    }

    private static double[] ZScores(
        IReadOnlyList<LogonDailySummary> summaries,
        Func<LogonDailySummary, int> count,
        ZScoreBaseline baseline
    )
    {
        var scores = new double[summaries.Count];
        var accounts = Enumerable
            .Range(0, summaries.Count)
            .GroupBy(index => summaries[index].Account, StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            int[] members = account.ToArray();
            double[] values = members.Select(index => (double)count(summaries[index])).ToArray();
            for (int member = 0; member < members.Length; member++)
            {
                scores[members[member]] =
                    baseline == ZScoreBaseline.AllDays
                        ? DampedZScore(values[member], Mean(values, -1), SampleStandardDeviation(values, -1))
                        : DampedZScoreAgainstOtherDays(
                            values[member],
                            Mean(values, member),
                            SampleStandardDeviation(values, member)
                        );
            }
        }
        return scores;
    }

    /// <summary>The mean of <paramref name="values"/> without the one at <paramref name="skipped"/> (−1: none); NaN if
    /// empty.</summary>
    private static double Mean(double[] values, int skipped)
    {
        int count = skipped >= 0 ? values.Length - 1 : values.Length;
        return count == 0 ? double.NaN : (values.Sum() - (skipped >= 0 ? values[skipped] : 0)) / count;
    }

    /// <summary>The sample (n − 1) standard deviation without the value at <paramref name="skipped"/>; NaN for fewer
    /// than two.</summary>
    private static double SampleStandardDeviation(double[] values, int skipped)
    {
        int count = skipped >= 0 ? values.Length - 1 : values.Length;
        if (count < 2)
        {
            return double.NaN;
        }
        double mean = Mean(values, skipped);
        double squares = values.Where((_, index) => index != skipped).Sum(value => (value - mean) * (value - mean));
        return Math.Sqrt(squares / (count - 1));
    }
}
