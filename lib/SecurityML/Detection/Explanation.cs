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

/// <summary>One feature's value and contribution to an <see cref="Explanation"/>.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Value">The item's value of the feature.</param>
/// <param name="Contribution">The feature's additive contribution to the output.</param>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

/// <summary>Progress of training, reported once per iteration, epoch or batch.</summary>
/// <param name="Stage">What is being done, e.g. "ALS iteration" or "epoch".</param>
/// <param name="Step">1-based step number.</param>
/// <param name="TotalSteps">Number of steps planned.</param>
/// <param name="Loss">The training loss after the step, when the technique has one.</param>
public sealed record TrainingProgress(string Stage, int Step, int TotalSteps, double? Loss = null);
