namespace SecurityML.Tuning;

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
            for (int index = 0; index < Recalls.Length - 1; index++)
                sum += (Recalls[index] - Recalls[index + 1]) * Precisions[index];
            return sum;
        }
    }
}
