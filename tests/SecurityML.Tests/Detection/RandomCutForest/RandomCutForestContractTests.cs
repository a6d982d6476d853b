using SecurityML.Detection;
using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>The shared detector contract for the random cut forest.</summary>
public sealed class RandomCutForestContractTests : DetectorContractTests<double[], RandomCutForestModel>
{
    protected override IAnomalyDetector<double[], RandomCutForestModel> CreateDetector() =>
        new RandomCutForestDetector(
            new RandomCutForestOptions
            {
                NumberOfTrees = 10,
                SampleSize = 32,
                Seed = 7,
            },
            ["a", "b", "c"]
        );

    protected override IReadOnlyList<double[]> TrainingData() => RandomCutForestTestData.NormalRows(120, 3, seed: 1);

    protected override IReadOnlyList<double[]> ScoringData() =>
        [.. RandomCutForestTestData.NormalRows(20, 3, seed: 2), [5, 5, 5], [-4, 0, 4]];

    /// <summary>The random cut forest came with container version 2: its first committed file is in
    /// ModelFiles/v2.</summary>
    protected override string FixtureFolder => "v2";

    protected override RandomCutForestModel Load(Stream stream, string sourceName) =>
        RandomCutForestModel.Load(stream, sourceName);
}
