using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>The shared detector contract for the isolation forest.</summary>
public sealed class IsolationForestContractTests : DetectorContractTests<double[], IsolationForestModel>
{
    protected override IAnomalyDetector<double[], IsolationForestModel> CreateDetector() =>
        new IsolationForestDetector(
            new IsolationForestOptions
            {
                NumberOfTrees = 20,
                Seed = 7,
                Contamination = 0.05,
            },
            ["a", "b", "c"]
        );

    protected override IReadOnlyList<double[]> TrainingData() => IsolationForestTestData.RandomRows(300, 3, seed: 1);

    protected override IReadOnlyList<double[]> ScoringData() =>
        [.. IsolationForestTestData.RandomRows(20, 3, seed: 2), [5, 5, 5], [-4, 0, 4]];

    protected override IsolationForestModel Load(Stream stream, string sourceName) =>
        IsolationForestModel.Load(stream, sourceName);

    /// <summary>The explanation's output is the mean path length E[h(x)], not the score.</summary>
    protected override bool ExplanationOutputIsScore => false;
}
