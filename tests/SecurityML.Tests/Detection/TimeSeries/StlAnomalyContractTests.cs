using SecurityML.Detection;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>The shared detector contract for <see cref="StlAnomalyDetector"/> (robust, so that progress has several
/// steps).</summary>
public sealed class StlAnomalyContractTests : DetectorContractTests<TimeSeriesPoint, StlAnomalyModel>
{
    protected override IAnomalyDetector<TimeSeriesPoint, StlAnomalyModel> CreateDetector() =>
        new StlAnomalyDetector(
            new StlAnomalyOptions
            {
                Decomposition = new StlOptions { Robust = true, OuterIterations = 2 },
            }
        );

    protected override IReadOnlyList<TimeSeriesPoint> TrainingData() => StlAnomalyDetectorTests.Hourly(24 * 5);

    protected override IReadOnlyList<TimeSeriesPoint> ScoringData()
    {
        var training = TrainingData();
        return
        [
            training[3],
            training[50] with
            {
                Value = 1e6,
            },
            training[^1] with
            {
                TimeGenerated = training[^1].TimeGenerated.AddDays(1),
            },
        ];
    }

    protected override StlAnomalyModel Load(Stream stream, string sourceName) =>
        StlAnomalyModel.Load(stream, sourceName);
}
