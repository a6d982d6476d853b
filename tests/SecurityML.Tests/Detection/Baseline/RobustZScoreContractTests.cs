using SecurityML.Detection;
using SecurityML.Detection.Baseline;

namespace SecurityML.Tests.Detection.Baseline;

/// <summary>The shared detector contract for the robust z-score baseline.</summary>
public sealed class RobustZScoreContractTests : DetectorContractTests<EntityValue, RobustZScoreModel>
{
    protected override IAnomalyDetector<EntityValue, RobustZScoreModel> CreateDetector() =>
        new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 3 });

    protected override IReadOnlyList<EntityValue> TrainingData() =>
        Enumerable.Range(0, 30).Select(index => new EntityValue($"user{index % 3}", index % 7 + index % 3)).ToList();

    protected override IReadOnlyList<EntityValue> ScoringData() =>
        [new("user0", 3), new("user1", 40), new("user2", -5)];

    protected override RobustZScoreModel Load(Stream stream, string sourceName) =>
        RobustZScoreModel.Load(stream, sourceName);
}
