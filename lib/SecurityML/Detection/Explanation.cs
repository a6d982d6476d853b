namespace SecurityML.Detection;

/// <summary>
/// Why a model scored an item: additive contributions of features to the model's output, starting from
/// <see cref="BaseValue"/> (the expected output over the training data), so that
/// <c>BaseValue + Σ Contribution = Output</c> (local accuracy). Each model states what its output is and which sign
/// pushes towards "anomalous".
/// </summary>
/// <param name="Output">The explained model output for this item (e.g. mean path length).</param>
/// <param name="BaseValue">The expected output over the training data.</param>
/// <param name="Contributions">One entry per feature, in feature order.</param>
/// <param name="AnomalousDirection">-1 when negative contributions push towards anomalous, +1 when positive do.</param>
public sealed record Explanation(
    double Output,
    double BaseValue,
    IReadOnlyList<FeatureContribution> Contributions,
    int AnomalousDirection
);
