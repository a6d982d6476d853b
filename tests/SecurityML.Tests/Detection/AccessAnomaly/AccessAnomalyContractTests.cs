using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>The shared detector contract on small two-tenant department data.</summary>
public sealed class AccessAnomalyContractTests : DetectorContractTests<AccessLikelihood, AccessAnomalyModel>
{
    private static readonly DepartmentAccessData Data = new(seed: 7, ["t1", "t2"], departments: 3, (5, 6), (6, 8));

    protected override IAnomalyDetector<AccessLikelihood, AccessAnomalyModel> CreateDetector() =>
        new AccessAnomalyDetector(
            new AccessAnomalyOptions
            {
                Rank = 4,
                NumberOfIterations = 5,
                Seed = 11,
            }
        );

    protected override IReadOnlyList<AccessLikelihood> TrainingData() => Data.Training;

    protected override IReadOnlyList<AccessLikelihood> ScoringData()
    {
        var (same, cross) = Data.UnseenPairs("t1");
        return
        [
            .. Data.Training.Take(10),
            .. same.Take(5),
            .. cross.Take(5),
            new AccessLikelihood("t1", "nobody", "shared"),
            new AccessLikelihood("t3", "x", "y"),
        ];
    }

    protected override AccessAnomalyModel Load(Stream stream, string sourceName) =>
        AccessAnomalyModel.Load(stream, sourceName);
}
