using SecurityML.Tuning;

namespace SecurityML.Tests.Tuning;

/// <summary>
/// ROC, precision–recall, AUC and average precision against scikit-learn 1.2.1 (Debian python3-sklearn): the expected
/// arrays were printed by roc_curve, precision_recall_curve, roc_auc_score and average_precision_score on the same
/// inputs (a throwaway script outside the repository). scikit-learn 1.2 put max + 1 as the first ROC threshold; later
/// versions, and this library, put +∞. The AUCs were also worked by hand (pair counting, ties count one half).
/// </summary>
public sealed class ClassificationMetricsTests
{
    private static readonly double[] TiedScores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.35];
    private static readonly bool[] TiedLabels = [false, false, true, true, true, true, false, false];

    [Fact]
    public void Roc_with_ties_matches_scikit_learn()
    {
        var roc = ClassificationMetrics.Roc(TiedScores, TiedLabels);

        roc.FalsePositiveRates.Should().Equal(0.0, 0.0, 0.0, 0.5, 1.0);
        roc.TruePositiveRates.Should().Equal(0.0, 0.25, 0.5, 1.0, 1.0);
        roc.Thresholds.Should().Equal(double.PositiveInfinity, 0.9, 0.8, 0.35, 0.1);
        // By hand: positives beat negatives in 14 of 16 pairs, counting the two ties (0.35/0.35, 0.4/0.4) as halves.
        roc.AreaUnderCurve.Should().Be(0.875);
    }

    [Fact]
    public void Roc_drops_collinear_points_as_scikit_learn_does()
    {
        double[] scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        bool[] labels = [false, false, false, true, false, true, true, true, true, true];

        var roc = ClassificationMetrics.Roc(scores, labels);
        var full = ClassificationMetrics.Roc(scores, labels, dropIntermediate: false);

        roc.FalsePositiveRates.Should().Equal(0.0, 0.0, 0.0, 0.25, 0.25, 1.0);
        roc.TruePositiveRates.Should()
            .BeEquivalentTo(new[] { 0.0, 1 / 6.0, 5 / 6.0, 5 / 6.0, 1.0, 1.0 }, o => o.WithStrictOrdering());
        roc.Thresholds.Should().Equal(double.PositiveInfinity, 10, 6, 5, 4, 1);
        roc.AreaUnderCurve.Should().BeApproximately(0.95833333333333337, 1e-15);
        full.Thresholds.Should().HaveCount(11);
        full.AreaUnderCurve.Should().BeApproximately(roc.AreaUnderCurve, 1e-15);
    }

    [Fact]
    public void Precision_recall_with_ties_matches_scikit_learn()
    {
        var curve = ClassificationMetrics.PrecisionRecall(TiedScores, TiedLabels);

        curve
            .Precisions.Should()
            .BeEquivalentTo(new[] { 0.5, 4 / 7.0, 2 / 3.0, 0.75, 1.0, 1.0, 1.0 }, o => o.WithStrictOrdering());
        curve.Recalls.Should().Equal(1.0, 1.0, 1.0, 0.75, 0.5, 0.25, 0.0);
        curve.Thresholds.Should().Equal(0.1, 0.2, 0.35, 0.4, 0.8, 0.9);
        curve.AveragePrecision.Should().BeApproximately(0.85416666666666663, 1e-15);
    }

    [Fact]
    public void Scikit_learn_documentation_example()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] labels = [false, false, true, true];

        ClassificationMetrics.RocAuc(scores, labels).Should().Be(0.75);
        ClassificationMetrics.AveragePrecision(scores, labels).Should().BeApproximately(0.83333333333333326, 1e-15);
        var curve = ClassificationMetrics.PrecisionRecall(scores, labels);
        curve.Precisions.Should().BeEquivalentTo(new[] { 0.5, 2 / 3.0, 0.5, 1.0, 1.0 }, o => o.WithStrictOrdering());
        curve.Recalls.Should().Equal(1.0, 1.0, 0.5, 0.5, 0.0);
    }

    [Fact]
    public void Perfect_and_reversed_rankings_give_auc_one_and_zero()
    {
        double[] scores = [1, 2, 3, 4];

        ClassificationMetrics.RocAuc(scores, [false, false, true, true]).Should().Be(1);
        ClassificationMetrics.RocAuc(scores, [true, true, false, false]).Should().Be(0);
        ClassificationMetrics.RocAuc([5, 5, 5, 5], [true, false, true, false]).Should().Be(0.5);
    }

    [Fact]
    public void Area_under_curve_follows_scikit_learn_auc()
    {
        ClassificationMetrics.AreaUnderCurve([0, 1, 2], [0, 1, 1]).Should().Be(1.5);
        ClassificationMetrics.AreaUnderCurve([2, 1, 0], [1, 1, 0]).Should().Be(1.5);
        FluentActions
            .Invoking(() => ClassificationMetrics.AreaUnderCurve([0, 2, 1], [0, 1, 1]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*neither increasing nor decreasing*");
    }

    [Fact]
    public void Confusion_table_counts_and_metrics()
    {
        var table = ClassificationMetrics.Confusion(TiedScores, TiedLabels, 0.4);

        // Flagged (≥ 0.4): 0.4 (normal), 0.8, 0.4, 0.9 (abnormal); missed abnormal: 0.35.
        table
            .Should()
            .Be(new ConfusionTable(0.4, TruePositives: 3, FalsePositives: 1, TrueNegatives: 3, FalseNegatives: 1));
        table.Precision.Should().Be(0.75);
        table.Recall.Should().Be(0.75);
        table.F1.Should().Be(0.75);
        table.FalsePositiveRate.Should().Be(0.25);
        table.Accuracy.Should().Be(0.75);
        table.ToRows().Should().Equal(new ConfusionRow("abnormal", 3, 1), new ConfusionRow("normal", 1, 3));
    }

    [Fact]
    public void Nothing_flagged_gives_zero_precision_and_f1_as_scikit_learn_zero_division()
    {
        var table = ClassificationMetrics.Confusion([0.1, 0.2, double.NaN], [true, false, true], 1.0);

        table.Alerts.Should().Be(0);
        table.FalseNegatives.Should().Be(2, "a NaN score is never flagged");
        table.Precision.Should().Be(0);
        table.F1.Should().Be(0);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_reasons()
    {
        FluentActions
            .Invoking(() => ClassificationMetrics.Roc([1, 2], [true, true]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*Both classes*2 abnormal and 0 normal*");
        FluentActions
            .Invoking(() => ClassificationMetrics.Roc([1, double.NaN], [true, false]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Score 1 is NaN*");
        FluentActions
            .Invoking(() => ClassificationMetrics.PrecisionRecall([1, 2, 3], [true, false]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*3 scores, 2 labels*");
    }
}
