using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>Everything one call of <see cref="LogonAnomalyDetection"/>'s <c>Run</c> produces: the daily summaries, the
/// feature table, the fitted forest and the ranked account-days.</summary>
/// <param name="Summaries">One row per account and UTC day (<see cref="LogonDailyAggregation.Summarize"/>).</param>
/// <param name="Table">The feature table built from <paramref name="Summaries"/>; its row order is the model's input
/// order.</param>
/// <param name="Model">The forest fitted on <paramref name="Table"/> (card filled by
/// <see cref="LogonAnomalyDetection.Fit"/>).</param>
/// <param name="Ranked">The account-days with a successful logon, most anomalous first
/// (<see cref="LogonAnomalyDetection.Rank"/>).</param>
public sealed record LogonAnomalyRun(
    IReadOnlyList<LogonDailySummary> Summaries,
    LogonFeatureTable Table,
    IsolationForestModel Model,
    IReadOnlyList<LogonAnomaly> Ranked
);
