namespace SecurityML.Tuning;

/// <summary>
/// A receiver operating characteristic curve as scikit-learn's <c>roc_curve</c> returns it: points in decreasing
/// threshold, starting at (0, 0) with threshold +∞ (scikit-learn ≥ 1.3; older versions used max + 1), with collinear
/// intermediate points dropped when asked (<c>drop_intermediate=True</c>, the default). An item is flagged when its
/// score is ≥ the threshold.
/// </summary>
/// <param name="FalsePositiveRates">FP / negatives at each threshold, non-decreasing from 0 to 1.</param>
/// <param name="TruePositiveRates">TP / positives at each threshold, non-decreasing from 0 to 1.</param>
/// <param name="Thresholds">The thresholds, decreasing; the first is +∞.</param>
public sealed record RocCurve(double[] FalsePositiveRates, double[] TruePositiveRates, double[] Thresholds)
{
    /// <summary>The area under the curve (trapezoidal, as <c>roc_auc_score</c>): 1 = perfect ranking, 0.5 = chance;
    /// the probability that a random positive scores above a random negative (ties count one half).</summary>
    public double AreaUnderCurve => ClassificationMetrics.AreaUnderCurve(FalsePositiveRates, TruePositiveRates);
}

/// <summary>
/// A precision–recall curve as scikit-learn's <c>precision_recall_curve</c> returns it: points in increasing
/// threshold (so decreasing recall), one per distinct score, followed by the point (recall 0, precision 1), which has
/// no threshold. Flagged = score ≥ threshold.
/// </summary>
/// <param name="Precisions">TP / (TP + FP) at each threshold, then 1.</param>
/// <param name="Recalls">TP / positives at each threshold, then 0; non-increasing.</param>
/// <param name="Thresholds">The distinct scores, increasing; one fewer than the points.</param>
public sealed record PrecisionRecallCurve(double[] Precisions, double[] Recalls, double[] Thresholds)
{
    /// <summary>The average precision Σₙ (Rₙ − Rₙ₊₁) Pₙ (no interpolation), as <c>average_precision_score</c>; from
    /// the positive rate (random ranking) to 1 (perfect).</summary>
    public double AveragePrecision
    {
        get
        {
            double sum = 0;
            for (int index = 0; index < Recalls.Length - 1; index++) sum += (Recalls[index] - Recalls[index + 1]) * Precisions[index];
            return sum;
        }
    }
}
