using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tuning;
using Xunit.Abstractions;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Issue 19's quality floor: on tutorial-shaped data, the embedding with default options catches more
/// anomalies at 1 % false-positive rate than the per-user /16 frequency baseline, and training converges.</summary>
public sealed class IpEmbeddingQualityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Default_options_beat_the_per_user_prefix_frequency_baseline_at_1_percent_false_positive_rate(
        bool organisations
    )
    {
        var data = TutorialShapedData.Generate(users: 300, pairsPerUser: 40, organisations, seed: 42);
        var log = new TrainingLog();

        var embedding = new IpEmbeddingDetector(new IpEmbeddingOptions()).Fit(data.Training, log);
        var baseline = new PrefixFrequencyDetector().Fit(data.Training);

        double embeddingRecall = RecallAtOnePercent(embedding, data);
        double baselineRecall = RecallAtOnePercent(baseline, data);
        output.WriteLine(
            $"{data.Training.Count} pairs; recall at 1 % FPR: embedding {embeddingRecall:F3}, baseline "
                + $"{baselineRecall:F3}; "
                + $"epochs run {embedding.Card.TrainingSummary["epochsRun"]}, best "
                + $"{embedding.Card.TrainingSummary["bestEpoch"]}"
        );
        embeddingRecall.Should().BeGreaterThan(baselineRecall + 0.05);
        embeddingRecall.Should().BeGreaterThan(0.7);
        var validation = log
            .Reports.Where(report => report.Stage == "validation")
            .Select(report => report.Loss!.Value)
            .ToList();
        validation.Should().HaveCountGreaterThan(1).And.HaveCount(log.Reports.Count(report => report.Stage == "epoch"));
        validation.Min().Should().BeLessThan(validation[0], "the validation loss falls before training stops");
        embedding.Card.TrainingSummary["stoppedEarly"]!.GetValue<bool>().Should().BeTrue();
    }

    private static double RecallAtOnePercent(IAnomalyModel<EntityIpPair> model, TutorialShapedData.Set data)
    {
        var anomalies = model.Score(data.Anomalies);
        var tuning = ThresholdTuning.FromNormalAndAbnormal(model.Score(data.Normal), anomalies);
        double threshold = tuning.ThresholdForFalsePositiveRate(0.01);
        return anomalies.Count(score => score >= threshold) / (double)anomalies.Length;
    }
}
