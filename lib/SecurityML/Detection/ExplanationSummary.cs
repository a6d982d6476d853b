namespace SecurityML.Detection;

/// <summary>Summaries of <see cref="Explanation"/>s for charts.</summary>
public static class ExplanationSummary
{
    /// <summary>Each contribution turned to the library's score direction: positive = towards anomalous
    /// (contribution × <see cref="Explanation.AnomalousDirection"/>).</summary>
    public static double[] TowardsAnomalous(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation
            .Contributions.Select(item => item.Contribution * explanation.AnomalousDirection + 0.0)
            .ToArray(); // + 0.0 turns -0 into 0
    }

    /// <summary>shap's summary bar: the mean absolute contribution of each feature over the explanations, in
    /// feature order.</summary>
    /// <exception cref="ArgumentException">No explanations, or explanations of different features.</exception>
    public static IReadOnlyList<FeatureImportance> MeanAbsoluteContributions(IReadOnlyList<Explanation> explanations)
    {
        ArgumentNullException.ThrowIfNull(explanations);
        if (
            explanations.Count == 0
            || explanations.Any(item => item.Contributions.Count != explanations[0].Contributions.Count)
        )
        {
            throw new ArgumentException(
                "Expected at least one explanation, all of the same features.",
                nameof(explanations)
            );
        }
        return explanations[0]
            .Contributions.Select(
                (feature, index) =>
                    new FeatureImportance(
                        feature.Feature,
                        explanations.Average(item => Math.Abs(item.Contributions[index].Contribution))
                    )
            )
            .ToList();
    }
}
