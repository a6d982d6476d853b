using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Detection.Sequences;
using SecurityML.Detection.TimeSeries;
using SecurityML.Tuning;

namespace SecurityML.Results;

/// <summary>
/// Every results table the notebooks write, with its row type: the one place <c>secml dcr</c> reads to write the custom
/// table schemas and the data collection rule, and the tests read to check the rows the notebooks write.
/// </summary>
public static class ResultsTables
{
    /// <summary>
    /// Columns every table has in addition to its row type's properties, appended in this order: the write path adds
    /// them to every row, and they go here, and only here: the table schemas, streams and acceptance checks all follow.
    /// Today one: <see cref="RowIdColumnName"/> (string), the row id the Logs Ingestion
    /// upload adds so a batch stored twice can be de-duplicated (local files do not carry it).
    /// </summary>
    public static IReadOnlyList<ResultsColumn> AddedColumns { get; } =
    [new(RowIdColumnName, ResultsColumnTypes.String)];

    /// <summary>The row id column the Logs Ingestion upload adds to every row (<c>SecmlRowId</c>; see
    /// <c>LogsIngestionClient.RowIdColumnName</c>).</summary>
    public const string RowIdColumnName = "SecmlRowId";

    /// <summary>The tables, in notebook order.</summary>
    public static IReadOnlyList<ResultsTable> All { get; } =
    [
        new(
            "AccessAnomalyTrainingScores",
            typeof(AccessAnomalyTrainingScore),
            "01-anomalous-resource-access-training",
            "Training (user, share) pairs with the access-anomaly model's score.",
            "the end of the training window (exclusive)"
        ),
        new(
            AnomalousResourceAccessResult.TableName,
            typeof(AnomalousResourceAccessResult),
            "02-anomalous-resource-access-scoring",
            "Flagged share accesses with score, peers and blast radius.",
            "the user's first access to the share on the flagged day"
        ),
        new(
            "LogonAnomalies",
            typeof(LogonAnomaly),
            "03-logon-anomalies-guided-investigation",
            "Outlier account-days of the isolation forest, ranked.",
            "the account-day (midnight UTC)"
        ),
        new(
            "LogonScores",
            typeof(LogonScore),
            "04-logon-anomalies-data-science",
            "Every account-day with the isolation forest's score ladder.",
            "the account-day (midnight UTC)"
        ),
        new(
            "TimeSeriesScores",
            typeof(StlScoredPoint),
            "05-time-series-anomalies",
            "Every hour of outbound bytes with its STL components and residual z-score.",
            "the start of the hour"
        ),
        new(
            "TimeSeriesAnomalies",
            typeof(StlScoredPoint),
            "05-time-series-anomalies",
            "The anomalous hours (TimeSeriesScores rows with Anomalies ≠ 0).",
            "the start of the hour"
        ),
        new(
            "AnomalyPeriods",
            typeof(AnomalyPeriod),
            "05-time-series-anomalies",
            "Time windows around anomalous hours, to drill into raw events.",
            "the start of the period"
        ),
        new(
            ProcessClusterReport.ResultsTableName,
            typeof(ProcessClusterResult),
            "06-process-clustering",
            "Process-creation clusters with a representative event, size and rarity.",
            "the representative event's time"
        ),
        new(
            "AnomalousSessions",
            typeof(ScoredSession),
            "07-anomalous-sessions",
            "Exchange admin sessions ranked by their rarest command window.",
            "the session's first event"
        ),
        new(
            "IpEmbeddingScores",
            typeof(SignInScore),
            "08-ip-embedding-anomalies",
            "Sign-ins scored by the entity–IP embedding.",
            "the sign-in's time"
        ),
        new(
            "Thresholds",
            typeof(ThresholdSummary),
            "09-threshold-tuning",
            "Chosen thresholds with their metrics.",
            "the latest event of the data the threshold was tuned on"
        ),
        new(
            "LogonCountScores",
            typeof(LogonCountScore),
            "10-bring-your-own-detector",
            "Account-days scored by the robust z-score of the daily logon count.",
            "the account-day (midnight UTC)"
        ),
        new(
            "HostActivityScores",
            typeof(HostActivityScore),
            "11-random-cut-forest",
            "Instance-hours of host and network activity scored by the random cut forest, ranked.",
            "the start of the hour"
        ),
        new(
            "AlertTriageScores",
            typeof(TriagedAlert),
            "12-alert-triage",
            "Alerts of the evaluation window ranked by the triage model's priority, with the alert budget.",
            "the alert's time"
        ),
    ];

    /// <summary>The table notebooks write as <paramref name="name"/> (case-sensitive, as file and stream
    /// names).</summary>
    /// <exception cref="ArgumentException">When no table has that name; the message lists the names.</exception>
    public static ResultsTable Named(string name) =>
        All.FirstOrDefault(table => table.Name == name)
        ?? throw new ArgumentException(
            $"Expected a results table name ({string.Join(", ", All.Select(table => table.Name))}); received '{name}'.",
            nameof(name)
        );
}
