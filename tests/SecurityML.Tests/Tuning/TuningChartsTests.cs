using System.Text.Json;
using SecurityML.Charts;
using SecurityML.Tests.Charts;
using SecurityML.Tuning;

namespace SecurityML.Tests.Tuning;

/// <summary>The tuning charts draw what the metrics return (scikit-learn's RocCurveDisplay manner).</summary>
public sealed class TuningChartsTests
{
    [Fact]
    public void Draws_a_precision_recall_curve_as_steps_with_scikit_learn_average_precision()
    {
        // precision_recall_curve([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) and its average precision (1 + 2/3) / 2.
        var curve = ClassificationMetrics.PrecisionRecall([0.9, 0.8, 0.7, 0.1], [true, false, true, false]);
        curve.Precisions.Should().Equal(0.5, 2.0 / 3, 0.5, 1, 1);
        curve.Recalls.Should().Equal(1, 1, 0.5, 0.5, 0);

        JsonElement root = FigureJsonReading.Parse(TuningCharts.PrecisionRecall(curve, positiveRate: 0.5));

        root.Layout().TitleText().Should().Be("Precision-recall curve (AP = 0.833)");
        root.TraceNames().Should().Equal("precision-recall", "chance");
        root.Trace(0).GetProperty("x").Numbers().Should().Equal(0, 0.5, 0.5, 1, 1);
        root.Trace(0).GetProperty("y").Numbers().Should().Equal(1, 1, 0.5, 2.0 / 3, 0.5);
        root.Trace(0).GetProperty("line").Text("shape").Should().Be("vh");
        root.Trace(1).GetProperty("y").Numbers().Should().Equal(0.5, 0.5);
        root.Layout().GetProperty("xaxis").TitleText().Should().Be("recall");
    }

    [Fact]
    public void Draws_the_roc_curve_the_metric_returns_with_its_auc()
    {
        // roc_curve([0, 1, 0, 1], [1, 2, 3, 4]): fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1]; roc_auc_score 0.75.
        var curve = ClassificationMetrics.Roc([1, 2, 3, 4], [false, true, false, true]);

        JsonElement root = FigureJsonReading.Parse(TuningCharts.Roc(curve, title: "Baseline"));

        root.Layout().TitleText().Should().Be("Baseline (AUC = 0.750)");
        root.Trace(0).GetProperty("x").Numbers().Should().Equal(curve.FalsePositiveRates);
        root.Trace(0).GetProperty("y").Numbers().Should().Equal(curve.TruePositiveRates);
    }

    [Fact]
    public void Overlays_the_curves_of_several_detectors_named_with_their_areas()
    {
        var good = ThresholdTuning.FromLabels([1, 2, 3, 4], [false, false, true, true]);
        var weak = ThresholdTuning.FromLabels([1, 2, 3, 4], [false, true, false, true]);

        Figure roc = TuningCharts.RocCurves([("good", good), ("weak", weak)]);
        Figure precisionRecall = TuningCharts.PrecisionRecallCurves([("good", good), ("weak", weak)]);

        roc.Data.Select(trace => trace.Name).Should().Equal("good (AUC 1.000)", "weak (AUC 0.750)", "chance");
        precisionRecall.Data.Select(trace => trace.Name).Should().Equal("good (AP 1.000)", "weak (AP 0.833)");
        roc.Layout.Title!.ToString().Should().Be("ROC curves");
        FluentActions
            .Invoking(() => TuningCharts.RocCurves([]))
            .Should()
            .Throw<ArgumentException>()
            .Which.ParamName.Should()
            .Be("tunings");
    }
}
