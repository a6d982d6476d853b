using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>A scored unit and whether a label marks it as planted.</summary>
/// <param name="Unit">What was scored (the alert's <c>unit</c>).</param>
/// <param name="Score">Its score (higher = more anomalous).</param>
/// <param name="Planted">True when a label's entity is the unit's (any entity for one-entity series) and the label's
/// window overlaps the unit's time.</param>
/// <param name="Lines">The input lines of the unit.</param>
/// <param name="Start">When the unit starts (UTC); null when unknown.</param>
/// <param name="End">When it ends (exclusive; = start for one event); null when unknown.</param>
public sealed record LabelledUnit(
    JsonObject Unit,
    double Score,
    bool Planted,
    IReadOnlyList<long> Lines,
    DateTimeOffset? Start,
    DateTimeOffset? End
);
