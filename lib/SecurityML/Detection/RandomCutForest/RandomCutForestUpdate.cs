namespace SecurityML.Detection.RandomCutForest;

/// <summary>The result of streaming points through a model: each point's score before it was added, and the model
/// after all of them were added.</summary>
/// <param name="Scores">Per point, in order, its score against the forest as it was when the point arrived
/// (higher = more anomalous).</param>
/// <param name="Model">The updated model (the original is unchanged).</param>
public sealed record RandomCutForestUpdate(IReadOnlyList<double> Scores, RandomCutForestModel Model);
