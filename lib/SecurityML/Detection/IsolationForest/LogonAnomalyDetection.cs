using SecurityML.Data;
using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// The guided investigation's model step: an isolation forest over <see cref="LogonFeatures"/> with the seed
/// notebook's settings (all six features per tree, seed 42, contamination 0.01, the tree-count rule of
/// <see cref="NumberOfTrees"/>), then account-days ranked by score, leaving out days without a successful logon.
/// </summary>
public static class LogonAnomalyDetection
{
    /// <summary>The default share of outliers.</summary>
    public const double DefaultContamination = 0.01;

    /// <summary>Below this many rows the tree count grows with the data.</summary>
    public const int SmallDataRows = 500;

    /// <summary>The tree count for larger data.</summary>
    public const int LargeDataTrees = 100;

    /// <summary>The seed notebook's rule: 4 × features + 2 × rows when rows &lt; <see cref="SmallDataRows"/>, else
    /// <see cref="LargeDataTrees"/>.</summary>
    public static int NumberOfTrees(int features, int rows) =>
        rows < SmallDataRows ? (4 * features) + (2 * rows) : LargeDataTrees;

    /// <summary>An isolation forest detector for <paramref name="table"/> with the seed notebook's settings.</summary>
    /// <param name="table">The feature table (decides the tree count).</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default
    /// <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    public static IsolationForestDetector CreateDetector(
        LogonFeatureTable table,
        double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        var options = new IsolationForestOptions
        {
            NumberOfTrees = NumberOfTrees(table.FeatureNames.Count, table.Rows.Count),
            Contamination = contamination,
            Seed = seed,
        };
        return new IsolationForestDetector(options, table.FeatureNames);
    }

    /// <summary>The card's data set of a logon forest: one row per account and UTC day.</summary>
    public const string DataSet = "Logons: account × UTC day";

    /// <summary>The card key (in TrainingSummary) of the z-score baseline the features were built with, so that a
    /// scorer (<c>secml score</c>) builds new days' features the same way.</summary>
    public const string BaselineKey = "zScoreBaseline";

    /// <summary>Fits the forest of <see cref="CreateDetector"/> on <paramref name="table"/> and records in its card
    /// what scoring new logons needs: <see cref="DataSet"/>, the table's z-score baseline
    /// (TrainingSummary[<see cref="BaselineKey"/>]) and the row count.</summary>
    /// <param name="table">The feature table.</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default
    /// <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    public static IsolationForestModel Fit(
        LogonFeatureTable table,
        double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        var model = CreateDetector(table, contamination, seed).Fit(table.Vectors);
        var summary = (System.Text.Json.Nodes.JsonObject)model.Card.TrainingSummary.DeepClone();
        summary[BaselineKey] = table.Baseline.ToString();
        return model.WithCard(
            model.Card with
            {
                DataSet = DataSet,
                TrainingSummary = summary,
                TrainingRows = table.Rows.Count,
            }
        );
    }

    /// <summary>The notebooks' whole model step in one call: daily summaries
    /// (<see cref="LogonDailyAggregation.Summarize"/>), features (<see cref="LogonFeatures.Build"/>), <see cref="Fit"/>
    /// and <see cref="Rank"/>.</summary>
    /// <param name="logons">Raw logon events (filtered by <see cref="LogonAccountFilter"/>); enumerated once.</param>
    /// <param name="baseline">What each day's z-score compares it with; default
    /// <see cref="ZScoreBaseline.AllDays"/>.</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default
    /// <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logons"/> is null.</exception>
    /// <example>
    /// <code>
    /// var run = LogonAnomalyDetection.Run(provider.Logons(start, end), ZScoreBaseline.OtherDays);
    /// var outliers = run.Ranked.Where(anomaly => anomaly.IsOutlier).ToList();
    /// </code>
    /// </example>
    public static LogonAnomalyRun Run(
        IEnumerable<LogonEvent> logons,
        ZScoreBaseline baseline = ZScoreBaseline.AllDays,
        double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed
    )
    {
        ArgumentNullException.ThrowIfNull(logons);
        return Run(LogonDailyAggregation.Summarize(logons), baseline, contamination, seed);
    }

    /// <summary>Features, fit and ranking in one call over daily summaries already aggregated (locally, or in a
    /// workspace by <c>SentinelQueries.DailyLogons</c>).</summary>
    /// <param name="summaries">One row per account and UTC day.</param>
    /// <param name="baseline">What each day's z-score compares it with; default
    /// <see cref="ZScoreBaseline.AllDays"/>.</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default
    /// <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    public static LogonAnomalyRun Run(
        IReadOnlyList<LogonDailySummary> summaries,
        ZScoreBaseline baseline = ZScoreBaseline.AllDays,
        double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed
    )
    {
        ArgumentNullException.ThrowIfNull(summaries);
        LogonFeatureTable table = LogonFeatures.Build(summaries, baseline);
        IsolationForestModel model = Fit(table, contamination, seed);
        return new LogonAnomalyRun(summaries, table, model, Rank(table, model));
    }

    /// <summary>Scores every row and ranks the account-days with at least one successful logon, most anomalous
    /// first (ties by date, then account).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<LogonAnomaly> Rank(LogonFeatureTable table, IsolationForestModel model)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        double[] decision = model.DecisionFunction(table.Vectors);
        double[] scores = model.Score(table.Vectors);
        return Enumerable
            .Range(0, table.Rows.Count)
            .Where(index => table.Rows[index].Summary.SuccessfulLogons > 0)
            .OrderByDescending(index => scores[index])
            .ThenBy(index => table.Rows[index].Date)
            .ThenBy(index => table.Rows[index].Account, StringComparer.OrdinalIgnoreCase)
            .Select(
                (index, position) =>
                    ToAnomaly(table.Rows[index].Summary, index, position + 1, scores[index], decision[index])
            )
            .ToList();
    }

    /// <summary>The TreeSHAP explanation of a ranked account-day.</summary>
    public static Explanation Explain(IsolationForestModel model, LogonFeatureTable table, LogonAnomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(anomaly);
        return model.Explain(table.Vectors[anomaly.RowIndex]);
    }

    private static LogonAnomaly ToAnomaly(
        LogonDailySummary summary,
        int index,
        int rank,
        double score,
        double decision
    ) =>
        new()
        {
            Rank = rank,
            Date = summary.Date,
            Account = summary.Account,
            Score = score,
            DecisionFunction = decision,
            IsOutlier = decision < 0,
            FailedLogons = summary.FailedLogons,
            SuccessfulLogons = summary.SuccessfulLogons,
            ComputersSuccessfulAccess = summary.ComputersSuccessfulAccess,
            SourceIpAddressesSuccessfulAccess = summary.SourceIpAddressesSuccessfulAccess,
            SourceHostNamesSuccessfulAccess = summary.SourceHostNamesSuccessfulAccess,
            RowIndex = index,
        };
}
