namespace SecurityML.Detection.AccessAnomaly;

/// <summary>Why an <see cref="AccessAnomalyModel"/> gave a pair its score.</summary>
public enum AccessScoreStatus
{
    /// <summary>User and resource are known and connected: the score is (μ − u·r)/σ of the tenant.</summary>
    Scored,

    /// <summary>The pair is in the access history and history is preserved: the score is exactly 0.</summary>
    History,

    /// <summary>User and resource lie in different connected components of the access graph: the score is +∞.</summary>
    DifferentComponents,

    /// <summary>The tenant was not in the training data: no score (NaN).</summary>
    UnknownTenant,

    /// <summary>The user was not in the training data (or, with an access history, not in the history): NaN.</summary>
    UnknownUser,

    /// <summary>The user is known but the resource is not: NaN.</summary>
    UnknownResource,
}
