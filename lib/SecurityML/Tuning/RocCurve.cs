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
