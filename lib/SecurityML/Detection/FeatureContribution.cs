namespace SecurityML.Detection;

/// <summary>One feature's value and contribution to an <see cref="Explanation"/>.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Value">The item's value of the feature.</param>
/// <param name="Contribution">The feature's additive contribution to the output.</param>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);
