namespace SecurityML.Scoring;

/// <summary>The score of one unit, or why it has none.</summary>
/// <param name="Score">Higher = more anomalous; NaN when unscored.</param>
/// <param name="Problem">Why the unit cannot be scored (its lines are bad lines); null when scored.</param>
/// <param name="LeftOut">Why the unit is left out by the model's rules (counted, not an error); null otherwise.</param>
/// <param name="Status">How the model scored the unit when it says (e.g. an IP embedding's <c>UnseenEntity</c>: a
/// fallback score for an entity never seen in training); written as the alert's <c>"status"</c>; null
/// otherwise.</param>
public readonly record struct UnitScore(
    double Score,
    string? Problem = null,
    string? LeftOut = null,
    string? Status = null
);
