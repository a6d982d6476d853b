namespace SecurityML.Charts;

/// <summary>Areas under ROC and precision-recall curves given as points, for the chart titles when the caller
/// did not pass them.</summary>
internal static class CurveArea
{
    /// <summary>The trapezoidal area under the points, taken in increasing x (ties in increasing y), as
    /// scikit-learn's <c>auc</c>; 0 for fewer than two points.</summary>
    public static double Trapezoidal(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int[] order = Enumerable.Range(0, x.Count).OrderBy(index => x[index]).ThenBy(index => y[index]).ToArray();
        double area = 0;
        for (int position = 1; position < order.Length; position++)
        {
            int previous = order[position - 1];
            int current = order[position];
            area += (x[current] - x[previous]) * (y[current] + y[previous]) / 2;
        }
        return area;
    }

    /// <summary>The average precision Σ (Rₙ − Rₙ₋₁) Pₙ over the points in increasing recall, as scikit-learn's
    /// <c>average_precision_score</c> computes it from its curve: no interpolation between points. A curve that
    /// does not start at recall 0 is taken to start there.</summary>
    public static double AveragePrecision(IReadOnlyList<double> recalls, IReadOnlyList<double> precisions)
    {
        int[] order = IncreasingRecallOrder(recalls, precisions);
        double sum = 0;
        double previousRecall = 0;
        foreach (int index in order)
        {
            sum += (recalls[index] - previousRecall) * precisions[index];
            previousRecall = recalls[index];
        }
        return sum;
    }

    /// <summary>The point indices in increasing recall, points of equal recall in decreasing precision: the
    /// order in which a vertical-then-horizontal step line encloses exactly <see cref="AveragePrecision"/>, and
    /// in which a recall reached at several thresholds counts with its best precision, as in scikit-learn.
    /// </summary>
    public static int[] IncreasingRecallOrder(IReadOnlyList<double> recalls, IReadOnlyList<double> precisions) =>
        Enumerable.Range(0, recalls.Count).OrderBy(index => recalls[index])
            .ThenByDescending(index => precisions[index]).ToArray();
}
