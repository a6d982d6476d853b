namespace SecurityML.Tuning;

/// <summary>
/// Counts of flagged and missed items at one threshold (flagged = score ≥ threshold; NaN scores are never flagged)
/// and the metrics derived from them. Ratios with a zero denominator are 0, as scikit-learn's default
/// <c>zero_division</c> gives them.
/// </summary>
/// <param name="Threshold">The threshold the table was computed at.</param>
/// <param name="TruePositives">Abnormal items flagged.</param>
/// <param name="FalsePositives">Normal items flagged.</param>
/// <param name="TrueNegatives">Normal items not flagged.</param>
/// <param name="FalseNegatives">Abnormal items not flagged.</param>
public sealed record ConfusionTable(
    double Threshold,
    long TruePositives,
    long FalsePositives,
    long TrueNegatives,
    long FalseNegatives
)
{
    /// <summary>TP / (TP + FP): the share of alerts that are real; 0 when nothing is flagged.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN): the share of abnormal items flagged (true positive rate); 0 without abnormal
    /// items.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>2 TP / (2 TP + FP + FN): the harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>FP / (FP + TN): the share of normal items flagged; 0 without normal items.</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, FalsePositives + TrueNegatives);

    /// <summary>(TP + TN) / all items; 0 when empty.</summary>
    public double Accuracy =>
        Ratio(TruePositives + TrueNegatives, TruePositives + FalsePositives + TrueNegatives + FalseNegatives);

    /// <summary>Items flagged: TP + FP.</summary>
    public long Alerts => TruePositives + FalsePositives;

    /// <summary>The metrics by name (precision, recall, f1, false_positive_rate, accuracy), for a model card.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics() =>
        new Dictionary<string, double>
        {
            ["precision"] = Precision,
            ["recall"] = Recall,
            ["f1"] = F1,
            ["false_positive_rate"] = FalsePositiveRate,
            ["accuracy"] = Accuracy,
        };

    /// <summary>The table as rows (actual × flagged) for display in a notebook.</summary>
    public IReadOnlyList<ConfusionRow> ToRows() =>
        [new("abnormal", TruePositives, FalseNegatives), new("normal", FalsePositives, TrueNegatives)];

    private static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0 : (double)numerator / denominator;
}
