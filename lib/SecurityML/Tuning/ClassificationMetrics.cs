namespace SecurityML.Tuning;

/// <summary>
/// ROC and precision–recall curves, their areas and the confusion table, with scikit-learn's conventions
/// (<c>roc_curve</c>, <c>auc</c>, <c>roc_auc_score</c>, <c>precision_recall_curve</c>, <c>average_precision_score</c>).
/// Scores follow the library's direction (higher = more anomalous); labels are true for abnormal (positive) items.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>The ROC curve of <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    /// <param name="scores">Finite or infinite scores (no NaN: drop unscored items first).</param>
    /// <param name="labels">True = abnormal; at least one of each.</param>
    /// <param name="dropIntermediate">Drop points collinear with their neighbours (scikit-learn's default, true); the
    /// curve and its area are unchanged.</param>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or one class is missing.</exception>
    public static RocCurve Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, bool dropIntermediate = true)
    {
        var (falsePositives, truePositives, thresholds) = CountsPerThreshold(scores, labels);
        var keep = Enumerable
            .Range(0, thresholds.Count)
            .Where(index =>
                !dropIntermediate
                || thresholds.Count <= 2
                || index == 0
                || index == thresholds.Count - 1
                || falsePositives[index + 1] - 2 * falsePositives[index] + falsePositives[index - 1] != 0
                || truePositives[index + 1] - 2 * truePositives[index] + truePositives[index - 1] != 0
            )
            .ToList();
        double negatives = falsePositives[^1],
            positives = truePositives[^1];
        return new RocCurve(
            keep.Select(index => falsePositives[index] / negatives).Prepend(0).ToArray(),
            keep.Select(index => truePositives[index] / positives).Prepend(0).ToArray(),
            keep.Select(index => thresholds[index]).Prepend(double.PositiveInfinity).ToArray()
        );
    }

    /// <summary>The precision–recall curve of <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    /// <inheritdoc cref="Roc" path="/param[@name='scores']"/>
    /// <inheritdoc cref="Roc" path="/param[@name='labels']"/>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or one class is missing.</exception>
    public static PrecisionRecallCurve PrecisionRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (falsePositives, truePositives, thresholds) = CountsPerThreshold(scores, labels);
        int count = thresholds.Count;
        var precisions = new double[count + 1];
        var recalls = new double[count + 1];
        var increasing = new double[count];
        for (int index = 0; index < count; index++)
        {
            int source = count - 1 - index;
            precisions[index] = truePositives[source] / (truePositives[source] + falsePositives[source]);
            recalls[index] = truePositives[source] / truePositives[^1];
            increasing[index] = thresholds[source];
        }
        precisions[count] = 1;
        recalls[count] = 0;
        return new PrecisionRecallCurve(precisions, recalls, increasing);
    }

    /// <summary>The ROC AUC (<c>roc_auc_score</c>): from 0 to 1, 0.5 = chance.</summary>
    /// <inheritdoc cref="Roc"/>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Roc(scores, labels).AreaUnderCurve;

    /// <summary>The average precision (<c>average_precision_score</c>).</summary>
    /// <inheritdoc cref="PrecisionRecall"/>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        PrecisionRecall(scores, labels).AveragePrecision;

    /// <summary>The trapezoidal area under points (x, y) taken in the given order, as scikit-learn's <c>auc</c>: x must
    /// be non-decreasing or non-increasing (the area is then counted positive either way).</summary>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 points, or x is not monotonic.</exception>
    public static double AreaUnderCurve(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"x has {x.Count} points but y has {y.Count}.", nameof(y));
        if (x.Count < 2)
            throw new ArgumentException(
                $"At least 2 points are needed to compute an area; received {x.Count}.",
                nameof(x)
            );
        double area = 0;
        bool increasing = true,
            decreasing = true;
        for (int index = 1; index < x.Count; index++)
        {
            double step = x[index] - x[index - 1];
            increasing &= step >= 0;
            decreasing &= step <= 0;
            area += step * (y[index] + y[index - 1]) / 2;
        }
        if (!increasing && !decreasing)
            throw new ArgumentException("x is neither increasing nor decreasing.", nameof(x));
        return decreasing && !increasing ? -area : area;
    }

    /// <summary>The confusion table at <paramref name="threshold"/>: flagged = score ≥ threshold; NaN never
    /// flagged.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or <paramref name="threshold"/> is NaN.</exception>
    public static ConfusionTable Confusion(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        RequireSameLength(scores, labels);
        if (double.IsNaN(threshold))
            throw new ArgumentException("The threshold is NaN; expected a number.", nameof(threshold));
        long truePositives = 0,
            falsePositives = 0,
            trueNegatives = 0,
            falseNegatives = 0;
        for (int index = 0; index < scores.Count; index++)
        {
            bool flagged = scores[index] >= threshold;
            if (labels[index])
            {
                if (flagged)
                    truePositives++;
                else
                    falseNegatives++;
            }
            else if (flagged)
                falsePositives++;
            else
                trueNegatives++;
        }
        return new ConfusionTable(threshold, truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    /// <summary>Cumulative false and true positives at each distinct score, in decreasing score (scikit-learn's
    /// <c>_binary_clf_curve</c>).</summary>
    private static (
        List<double> FalsePositives,
        List<double> TruePositives,
        List<double> Thresholds
    ) CountsPerThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        RequireSameLength(scores, labels);
        for (int index = 0; index < scores.Count; index++)
        {
            if (double.IsNaN(scores[index]))
                throw new ArgumentException(
                    $"Score {index} is NaN; drop unscored items before computing curves.",
                    nameof(scores)
                );
        }
        int positives = labels.Count(label => label);
        if (positives == 0 || positives == labels.Count)
        {
            throw new ArgumentException(
                $"Both classes are needed; received {positives} abnormal and {labels.Count - positives} normal items.",
                nameof(labels)
            );
        }
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(index => scores[index]).ToArray();
        var falsePositives = new List<double>();
        var truePositives = new List<double>();
        var thresholds = new List<double>();
        double tp = 0,
            fp = 0;
        for (int position = 0; position < order.Length; position++)
        {
            if (labels[order[position]])
                tp++;
            else
                fp++;
            if (position == order.Length - 1 || scores[order[position + 1]] != scores[order[position]])
            {
                falsePositives.Add(fp);
                truePositives.Add(tp);
                thresholds.Add(scores[order[position]]);
            }
        }
        return (falsePositives, truePositives, thresholds);
    }

    internal static void RequireSameLength(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException(
                $"Expected one label per score: {scores.Count} scores, {labels.Count} labels.",
                nameof(labels)
            );
        }
    }
}
