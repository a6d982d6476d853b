using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tests.Data;
using SecurityML.Tuning;

namespace SecurityML.Tests.Tuning;

/// <summary>The one-call tuning object and saving the threshold into a model file.</summary>
public sealed class ThresholdTuningTests
{
    [Fact]
    public void Normal_and_abnormal_scores_give_the_same_curves_as_labels()
    {
        var tuning = ThresholdTuning.FromNormalAndAbnormal([0.1, 0.4, 0.2, 0.35, double.NaN], [0.35, 0.8, 0.4, 0.9]);

        tuning.Scores.Should().HaveCount(8, "NaN scores are dropped");
        tuning.RocAuc.Should().Be(0.875);
        tuning.AveragePrecision.Should().BeApproximately(0.85416666666666663, 1e-15);
        tuning.ThresholdForFalsePositiveRate(0.25).Should().Be(0.4);
        tuning.ConfusionAt(0.4).Should().Be(new ConfusionTable(0.4, 3, 1, 3, 1));
        tuning.MetricsAt(0.4).Should().Contain("roc_auc", 0.875).And.Contain("precision", 0.75);
    }

    [Fact]
    public void Charts_show_histograms_with_the_threshold_and_both_curves()
    {
        var tuning = ThresholdTuning.FromLabels([1, 2, 3, 4], [false, true, false, true]);

        tuning.ScoreHistogram(2.5).Data.Should().HaveCount(3, "normal and abnormal histograms and the abnormal marks");
        tuning.ScoreHistogram(2.5).Layout.Shapes.Should().ContainSingle().Which.X0!.Value.Number.Should().Be(2.5);
        tuning.RocChart().Layout.Title!.ToString().Should().Contain("AUC = 0.750");
        tuning.PrecisionRecallChart().Data.Should().HaveCount(2, "the curve and the chance line at the abnormal share");
    }

    [Fact]
    public void Saving_a_threshold_updates_the_card_and_keeps_the_model()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "ip.model");
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 4,
                VectorDimension = 4,
                Epochs = 1,
            }
        ).Fit([new EntityIpPair("alice", "10.0.0.1"), new EntityIpPair("bob", "10.0.1.1")]);
        using (var stream = File.Create(path))
            model.Save(stream);

        var card = ModelThreshold.Save(path, 1.25, new Dictionary<string, double> { ["recall"] = 0.9 });

        card.Threshold.Should().Be(1.25);
        ModelThreshold.ReadCard(path).Metrics.Should().Contain("recall", 0.9);
        var loaded = IpEmbeddingModel.Load(path);
        loaded.Card.Threshold.Should().Be(1.25);
        loaded
            .Score([new EntityIpPair("alice", "10.0.0.1")])
            .Should()
            .Equal(model.Score([new EntityIpPair("alice", "10.0.0.1")]));
        File.Exists(path + ".tmp").Should().BeFalse();
    }

    [Fact]
    public void Saving_a_threshold_records_how_it_was_chosen()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "ip.model");
        new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 4,
                VectorDimension = 4,
                Epochs = 1,
            }
        ).Fit([new EntityIpPair("alice", "10.0.0.1"), new EntityIpPair("bob", "10.0.1.1")]).Save(path);

        ModelThreshold
            .Save(path, 2.5, method: "alert budget 20/day")
            .ThresholdMethod.Should()
            .Be("alert budget 20/day");
        IpEmbeddingModel.Load(path).Card.ThresholdMethod.Should().Be("alert budget 20/day");
        ModelThreshold.Save(path, 2.0).ThresholdMethod.Should().Be(ModelThreshold.UnstatedMethod);
    }

    [Fact]
    public void A_threshold_or_metric_a_model_file_cannot_hold_is_refused_and_the_file_kept()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "ip.model");
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 4,
                VectorDimension = 4,
                Epochs = 1,
            }
        ).Fit([new EntityIpPair("alice", "10.0.0.1"), new EntityIpPair("bob", "10.0.1.1")]);
        using (var stream = File.Create(path))
            model.Save(stream);
        var before = File.ReadAllBytes(path);

        FluentActions
            .Invoking(() => ModelThreshold.Save(path, double.NaN))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("threshold")
            .WithMessage("The threshold is NaN; expected a finite number*SelectAlerts*");
        FluentActions
            .Invoking(() => ModelThreshold.Save(path, double.PositiveInfinity))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("threshold");
        FluentActions
            .Invoking(() => ModelThreshold.Save(path, 1, new Dictionary<string, double> { ["precision"] = double.NaN }))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("metrics")
            .WithMessage("Metric 'precision' is NaN*");
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_rejected()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "notes.txt");
        File.WriteAllText(path, "hello");

        FluentActions
            .Invoking(() => ModelThreshold.Save(path, 1))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("*SECMLMDL*");
        File.ReadAllText(path).Should().Be("hello");
    }
}
