namespace SecurityML.Tuning;

/// <summary>
/// One alert ranked by a triage model (notebook 12, results table <c>AlertTriageScores</c>): its identity, the
/// detector's score and the learned priority, its rank in the window and whether it falls within the alert budget.
/// </summary>
public sealed record TriagedAlert
{
    /// <summary>When the alert was raised (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The alert's id (<c>SecurityAlert.SystemAlertId</c>).</summary>
    public string SystemAlertId { get; init; } = "";

    /// <summary>The detector's alert name.</summary>
    public string AlertName { get; init; } = "";

    /// <summary>The account the alert is about.</summary>
    public string CompromisedEntity { get; init; } = "";

    /// <summary>The detector's anomaly score in [0, 1], higher = more anomalous.</summary>
    public double AnomalyScore { get; init; }

    /// <summary>The triage model's priority: the probability in [0, 1] of a true positive, higher = look
    /// first.</summary>
    public double Priority { get; init; }

    /// <summary>1 for the highest priority in the window, then 2, 3, … (ties by time).</summary>
    public int Rank { get; init; }

    /// <summary>True when the alert is within the alert budget (the analysts look at it).</summary>
    public bool WithinBudget { get; init; }
}
