using SecurityML.Detection;

namespace SecurityML.Tests.Detection.BringYourOwn;

/// <summary>The shared contract for a detector brought by a user (written only against the public
/// interfaces).</summary>
public sealed class MeanDistanceContractTests : DetectorContractTests<double, MeanDistanceModel>
{
    protected override IAnomalyDetector<double, MeanDistanceModel> CreateDetector() => new MeanDistanceDetector();

    protected override IReadOnlyList<double> TrainingData() =>
        Enumerable.Range(0, 50).Select(index => 10.0 + index % 7 - index % 3 * 0.5).ToList();

    protected override IReadOnlyList<double> ScoringData() => [10, 12.5, 30, -4, double.NaN];

    protected override string Snapshot(double item) =>
        item.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    protected override MeanDistanceModel Load(Stream stream, string sourceName) =>
        MeanDistanceModel.Load(stream, sourceName);
}
