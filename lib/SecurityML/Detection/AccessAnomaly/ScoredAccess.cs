namespace SecurityML.Detection.AccessAnomaly;

/// <summary>One user's accesses to one resource on one UTC day, with the model's score for the pair.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="User">The accessing account.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="FirstAccess">The first access of that day (UTC).</param>
/// <param name="Accesses">Number of accesses that day, ≥ 1.</param>
/// <param name="AnomalyScore">The pair's score: higher = more anomalous; NaN when the model cannot score it,
/// +∞ when no chain of accesses connects user and resource.</param>
/// <param name="Status">Why the score is what it is.</param>
public sealed record ScoredAccess(
    string Tenant,
    string User,
    string Resource,
    DateOnly Day,
    DateTimeOffset FirstAccess,
    int Accesses,
    double AnomalyScore,
    AccessScoreStatus Status
);
