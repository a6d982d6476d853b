namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// How much each feature contributes to a random cut forest score, split by direction (Amazon's <c>DiVector</c>):
/// <see cref="High"/> where the point lies above what the trees have seen, <see cref="Low"/> where it lies below.
/// Σ High + Σ Low = <see cref="Score"/>.
/// </summary>
/// <param name="Features">The feature names, in order.</param>
/// <param name="High">Per feature, the share of the score from the point being higher than the sample.</param>
/// <param name="Low">Per feature, the share of the score from the point being lower than the sample.</param>
/// <param name="Score">The score attributed (as <see cref="RandomCutForestModel.Score"/> gives it).</param>
public sealed record DirectionalAttribution(
    IReadOnlyList<string> Features,
    IReadOnlyList<double> High,
    IReadOnlyList<double> Low,
    double Score
)
{
    /// <summary>High + Low per feature.</summary>
    public IReadOnlyList<double> Total => High.Select((value, index) => value + Low[index]).ToArray();
}
