using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Features.Logons;

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
    public static int NumberOfTrees(int features, int rows) => rows < SmallDataRows ? (4 * features) + (2 * rows) : LargeDataTrees;

    /// <summary>An isolation forest detector for <paramref name="table"/> with the seed notebook's settings.</summary>
    /// <param name="table">The feature table (decides the tree count).</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    public static IsolationForestDetector CreateDetector(LogonFeatureTable table, double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed)
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

    /// <summary>The card key (in TrainingSummary) of the z-score baseline the features were built with, so that a scorer
    /// (<c>secml score</c>) builds new days' features the same way.</summary>
    public const string BaselineKey = "zScoreBaseline";

    /// <summary>Fits the forest of <see cref="CreateDetector"/> on <paramref name="table"/> and records in its card what
    /// scoring new logons needs: <see cref="DataSet"/>, the table's z-score baseline (TrainingSummary[<see cref="BaselineKey"/>])
    /// and the row count.</summary>
    /// <param name="table">The feature table.</param>
    /// <param name="contamination">Expected share of outliers in (0, 0.5]; default <see cref="DefaultContamination"/>.</param>
    /// <param name="seed">The forest's seed; default 42 as in the seed notebook.</param>
    public static IsolationForestModel Fit(LogonFeatureTable table, double contamination = DefaultContamination,
        int seed = IsolationForestOptions.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(table);
        var model = CreateDetector(table, contamination, seed).Fit(table.Vectors);
        var summary = (System.Text.Json.Nodes.JsonObject)model.Card.TrainingSummary.DeepClone();
        summary[BaselineKey] = table.Baseline.ToString();
        return model.WithCard(model.Card with { DataSet = DataSet, TrainingSummary = summary, TrainingRows = table.Rows.Count });
    }

    /// <summary>Features, fit and ranking in one call: what the notebooks do step by step.</summary>
    /// <param name="logons">Raw logon events (filtered by <see cref="LogonAccountFilter"/>).</param>
    /// <param name="contamination">Expected share of outliers.</param>
    /// <param name="seed">The forest's seed.</param>
    public static (LogonFeatureTable Table, IsolationForestModel Model, IReadOnlyList<LogonAnomaly> Ranked) Run(
        IEnumerable<LogonEvent> logons, double contamination = DefaultContamination, int seed = IsolationForestOptions.DefaultSeed)
    {
        LogonFeatureTable table = LogonFeatures.Build(LogonDailyAggregation.Summarize(logons));
        IsolationForestModel model = Fit(table, contamination, seed);
        return (table, model, Rank(table, model));
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
        return Enumerable.Range(0, table.Rows.Count)
            .Where(index => table.Rows[index].Summary.SuccessfulLogons > 0)
            .OrderByDescending(index => scores[index])
            .ThenBy(index => table.Rows[index].Date)
            .ThenBy(index => table.Rows[index].Account, StringComparer.OrdinalIgnoreCase)
            .Select((index, position) => ToAnomaly(table.Rows[index].Summary, index, position + 1, scores[index], decision[index]))
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

    private static LogonAnomaly ToAnomaly(LogonDailySummary summary, int index, int rank, double score, double decision) => new()
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
