using SecurityML.Charts;
using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tuning;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>The side-by-side comparison notebook 08 shows.</summary>
public sealed class IpDetectorComparisonTests
{
    [Fact]
    public void Rows_hold_each_detectors_metrics_and_what_the_alert_budget_catches()
    {
        var data = TutorialShapedData.Generate(users: 40, pairsPerUser: 20, organisations: false, seed: 4);
        var baseline = new PrefixFrequencyDetector().Fit(data.Training);
        var coarse = new PrefixFrequencyDetector(new PrefixFrequencyOptions { PrefixLength = 8 }).Fit(data.Training);
        List<EntityIpPair> pairs = [.. data.Normal, .. data.Anomalies];
        var abnormal = pairs.Select((_, index) => index >= data.Normal.Count).ToList();

        var comparison = IpDetectorComparison.Of(
            pairs,
            abnormal,
            days: 10,
            alertsPerDay: 5,
            ("/16", baseline),
            ("/8", coarse)
        );

        var scores = baseline.Score(pairs);
        var tuning = ThresholdTuning.FromLabels(scores, abnormal);
        var alerts = ThresholdSelection.SelectAlerts(scores, 50).Flagged;
        comparison
            .Rows[0]
            .Should()
            .Be(
                new DetectorComparisonRow(
                    "/16",
                    tuning.RocAuc,
                    tuning.AveragePrecision,
                    abnormal
                        .Where((label, index) => label && scores[index] >= tuning.ThresholdForFalsePositiveRate(0.01))
                        .Count() / 80.0,
                    50,
                    alerts.Count(index => abnormal[index]),
                    alerts.Count(index => abnormal[index]) / 80.0
                )
            );
        comparison
            .Rows[1]
            .RocAuc.Should()
            .BeLessThan(comparison.Rows[0].RocAuc, "a /8 count knows less than a /16 count");
        comparison
            .RocChart()
            .Data.Select(trace => trace.Name)
            .Should()
            .Equal($"/16 (AUC {tuning.RocAuc:F3})", $"/8 (AUC {comparison.Rows[1].RocAuc:F3})", "chance");
        comparison.PrecisionRecallChart().Data.OfType<Scatter>().Should().HaveCount(2);
    }

    [Fact]
    public void Labels_must_match_the_pairs_and_hold_both_classes()
    {
        var model = new PrefixFrequencyDetector().Fit([new("alice", "10.0.0.1")]);
        EntityIpPair[] pairs = [new("alice", "10.0.0.1"), new("alice", "8.8.8.8")];

        FluentActions
            .Invoking(() => IpDetectorComparison.Of(pairs, [true], 1, 1, ("m", model)))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*one label per pair (2)*received 1*");
        FluentActions
            .Invoking(() => IpDetectorComparison.Of(pairs, [false, false], 1, 1, ("m", model)))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*normal and abnormal*0 abnormal of 2*");
    }
}
