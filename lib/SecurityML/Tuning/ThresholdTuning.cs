using SecurityML.Charts;

namespace SecurityML.Tuning;

/// <summary>
/// The threshold step every detector shares, in one object for notebooks: scores of normal and abnormal items (planted
/// or analyst-confirmed anomalies, or synthetic abnormal traffic), their ROC and precision–recall curves with areas,
/// thresholds for a target false-positive rate or alert budget, the confusion table at a threshold, and the charts.
/// Scores follow the library's direction (higher = more anomalous).
/// </summary>
public sealed class ThresholdTuning
{
    private ThresholdTuning(double[] scores, bool[] labels)
    {
        Scores = scores;
        Labels = labels;
        Roc = ClassificationMetrics.Roc(scores, labels);
        PrecisionRecall = ClassificationMetrics.PrecisionRecall(scores, labels);
    }

    /// <summary>Tuning from the scores of known-normal and known-abnormal items; NaN scores are dropped.</summary>
    /// <exception cref="ArgumentException">Either list is empty after dropping NaN.</exception>
    public static ThresholdTuning FromNormalAndAbnormal(
        IEnumerable<double> normalScores,
        IEnumerable<double> abnormalScores
    )
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        ArgumentNullException.ThrowIfNull(abnormalScores);
        var normal = normalScores.Where(score => !double.IsNaN(score)).ToArray();
        var abnormal = abnormalScores.Where(score => !double.IsNaN(score)).ToArray();
        return new ThresholdTuning(
            normal.Concat(abnormal).ToArray(),
            normal.Select(_ => false).Concat(abnormal.Select(_ => true)).ToArray()
        );
    }

    /// <summary>Tuning from scores and labels (true = abnormal); items with NaN scores are dropped.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a class is missing after dropping NaN.</exception>
    public static ThresholdTuning FromLabels(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ClassificationMetrics.RequireSameLength(scores, labels);
        var kept = Enumerable.Range(0, scores.Count).Where(index => !double.IsNaN(scores[index])).ToArray();
        return new ThresholdTuning(
            kept.Select(index => scores[index]).ToArray(),
            kept.Select(index => labels[index]).ToArray()
        );
    }

    /// <summary>The scores used (NaN dropped).</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>The labels, true = abnormal, in the order of <see cref="Scores"/>.</summary>
    public IReadOnlyList<bool> Labels { get; }

    /// <summary>Scores of the normal items.</summary>
    public IReadOnlyList<double> NormalScores => Scores.Where((_, index) => !Labels[index]).ToArray();

    /// <summary>Scores of the abnormal items.</summary>
    public IReadOnlyList<double> AbnormalScores => Scores.Where((_, index) => Labels[index]).ToArray();

    /// <summary>The ROC curve (scikit-learn conventions).</summary>
    public RocCurve Roc { get; }

    /// <summary>The precision–recall curve (scikit-learn conventions).</summary>
    public PrecisionRecallCurve PrecisionRecall { get; }

    /// <summary>The area under the ROC curve, 0 to 1 (0.5 = chance).</summary>
    public double RocAuc => Roc.AreaUnderCurve;

    /// <summary>The average precision, from the abnormal share (chance) to 1.</summary>
    public double AveragePrecision => PrecisionRecall.AveragePrecision;

    /// <summary>The lowest threshold flagging at most <paramref name="targetFalsePositiveRate"/> of the normal
    /// items.</summary>
    public double ThresholdForFalsePositiveRate(double targetFalsePositiveRate) =>
        ThresholdSelection.ForFalsePositiveRate(NormalScores, targetFalsePositiveRate);

    /// <summary>The threshold with the best F1 on these labels.</summary>
    public double ThresholdForMaximumF1() => ThresholdSelection.ForMaximumF1(Scores, Labels);

    /// <summary>The confusion table (precision, recall, F1 ...) at <paramref name="threshold"/>.</summary>
    public ConfusionTable ConfusionAt(double threshold) => ClassificationMetrics.Confusion(Scores, Labels, threshold);

    /// <summary>The metrics to record in a model card at <paramref name="threshold"/>: those of the confusion table,
    /// plus roc_auc and average_precision.</summary>
    public IReadOnlyDictionary<string, double> MetricsAt(double threshold)
    {
        var metrics = new Dictionary<string, double>(ConfusionAt(threshold).ToMetrics())
        {
            ["roc_auc"] = RocAuc,
            ["average_precision"] = AveragePrecision,
        };
        return metrics;
    }

    /// <summary>Overlaid histograms of normal and abnormal scores with the threshold line (finite thresholds only);
    /// see <see cref="TuningCharts.ScoreHistogram"/>.</summary>
    public Figure ScoreHistogram(
        double? threshold = null,
        int? numberOfBins = 40,
        string title = "Normal and abnormal scores"
    ) => TuningCharts.ScoreHistogram(this, threshold, numberOfBins, title);

    /// <summary>The ROC curve with its AUC in the title (<see cref="TuningCharts.Roc"/>).</summary>
    public Figure RocChart() => TuningCharts.Roc(Roc);

    /// <summary>The precision–recall curve with its average precision and the chance line at the abnormal share
    /// (<see cref="TuningCharts.PrecisionRecall"/>).</summary>
    public Figure PrecisionRecallChart() =>
        TuningCharts.PrecisionRecall(PrecisionRecall, AbnormalScores.Count / (double)Scores.Count);
}
