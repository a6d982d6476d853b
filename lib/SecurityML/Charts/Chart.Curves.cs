using System.Globalization;

namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>The default title of <see cref="RocCurve"/>; the AUC is appended.</summary>
    public const string DefaultRocTitle = "ROC curve";

    /// <summary>The default title of <see cref="PrecisionRecallCurve"/>; the average precision is appended.</summary>
    public const string DefaultPrecisionRecallTitle = "Precision-recall curve";

    /// <summary>
    /// A receiver operating characteristic curve from its points, with the diagonal of a random detector and
    /// the area under the curve in the title: <c>ROC curve (AUC = 0.912)</c>.
    /// </summary>
    /// <param name="falsePositiveRates">The false positive rate of each point, in [0, 1].</param>
    /// <param name="truePositiveRates">The true positive rate of each point, in [0, 1].</param>
    /// <param name="areaUnderCurve">The AUC to show, as the metric computed it (e.g.
    /// <c>SecurityML.Tuning.RocCurve.AreaUnderCurve</c>); the chart draws it, it does not recompute it.</param>
    /// <param name="title">The title, before the AUC.</param>
    /// <returns>A figure with a <c>ROC</c> trace and a dashed <c>chance</c> diagonal, both axes 0 to 1.</returns>
    /// <exception cref="ArgumentException">The lists' lengths differ, there are fewer than two points, or a
    /// rate or <paramref name="areaUnderCurve"/> is outside [0, 1].</exception>
    public static Figure RocCurve(
        IReadOnlyList<double> falsePositiveRates,
        IReadOnlyList<double> truePositiveRates,
        double areaUnderCurve,
        string title = DefaultRocTitle
    )
    {
        RequireCurve(falsePositiveRates, nameof(falsePositiveRates), truePositiveRates, nameof(truePositiveRates));
        ChartArguments.RequireWithin(areaUnderCurve, nameof(areaUnderCurve), 0, 1);
        var figure = new Figure();
        figure.Data.Add(
            Line(
                PlotValues.FromNumbers(falsePositiveRates),
                PlotValues.FromNumbers(truePositiveRates),
                "ROC",
                new LineStyle { Color = ChartColors.Normal, Width = 2 }
            )
        );
        figure.Data.Add(ChanceLine(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, "chance"));
        figure.Layout.Title = $"{title} (AUC = {FormatArea(areaUnderCurve)})";
        figure.Layout.XAxis = UnitAxis("false positive rate");
        figure.Layout.YAxis = UnitAxis("true positive rate");
        return figure;
    }

    /// <summary>
    /// A precision-recall curve from its points, drawn as steps (precision holds until the next recall, as
    /// average precision counts it), with the average precision in the title and, optionally, the precision of a
    /// random detector: <c>Precision-recall curve (AP = 0.734)</c>.
    /// </summary>
    /// <param name="recalls">The recall of each point, in [0, 1].</param>
    /// <param name="precisions">The precision of each point, in [0, 1].</param>
    /// <param name="averagePrecision">The average precision to show, as the metric computed it (e.g.
    /// <c>SecurityML.Tuning.PrecisionRecallCurve.AveragePrecision</c>); the chart draws it, it does not recompute
    /// it.</param>
    /// <param name="positiveRate">The fraction of positives (anomalies) in the data, in [0, 1]: a random
    /// detector's precision, drawn as a dashed <c>chance</c> line; none when null.</param>
    /// <param name="title">The title, before the average precision.</param>
    /// <returns>A figure with a <c>precision-recall</c> trace (points sorted by recall) and, when
    /// <paramref name="positiveRate"/> is given, a <c>chance</c> trace; both axes 0 to 1.</returns>
    /// <exception cref="ArgumentException">The lists' lengths differ, there are fewer than two points, or a
    /// value, <paramref name="averagePrecision"/> or <paramref name="positiveRate"/> is outside [0, 1].</exception>
    public static Figure PrecisionRecallCurve(
        IReadOnlyList<double> recalls,
        IReadOnlyList<double> precisions,
        double averagePrecision,
        double? positiveRate = null,
        string title = DefaultPrecisionRecallTitle
    )
    {
        RequireCurve(recalls, nameof(recalls), precisions, nameof(precisions));
        ChartArguments.RequireWithin(averagePrecision, nameof(averagePrecision), 0, 1);
        ChartArguments.RequireWithin(positiveRate, nameof(positiveRate), 0, 1);
        int[] order = IncreasingRecallOrder(recalls, precisions);
        var figure = new Figure();
        figure.Data.Add(
            Line(
                PlotValues.FromNumbers(order.Select(index => recalls[index])),
                PlotValues.FromNumbers(order.Select(index => precisions[index])),
                "precision-recall",
                new LineStyle
                {
                    Color = ChartColors.Normal,
                    Width = 2,
                    Shape = LineShape.StepVerticalFirst,
                }
            )
        );
        if (positiveRate is { } chance)
        {
            figure.Data.Add(ChanceLine(new[] { 0.0, 1.0 }, new[] { chance, chance }, "chance"));
        }
        figure.Layout.Title = $"{title} (AP = {FormatArea(averagePrecision)})";
        figure.Layout.XAxis = UnitAxis("recall");
        figure.Layout.YAxis = UnitAxis("precision");
        return figure;
    }

    private static void RequireCurve(IReadOnlyList<double> x, string xName, IReadOnlyList<double> y, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        ChartArguments.RequireSameLength(y, yName, x.Count, xName);
        ChartArguments.RequireMinimumLength(x, xName, 2);
        ChartArguments.RequireAllWithin(x, xName, 0, 1);
        ChartArguments.RequireAllWithin(y, yName, 0, 1);
    }

    /// <summary>The point indices in increasing recall, points of equal recall in decreasing precision: the order
    /// in which a vertical-then-horizontal step line encloses the average precision Σ (Rₙ − Rₙ₋₁) Pₙ, a recall
    /// reached at several thresholds drawn with its best precision last, as in scikit-learn.</summary>
    private static int[] IncreasingRecallOrder(IReadOnlyList<double> recalls, IReadOnlyList<double> precisions) =>
        Enumerable
            .Range(0, recalls.Count)
            .OrderBy(index => recalls[index])
            .ThenByDescending(index => precisions[index])
            .ToArray();

    private static Scatter ChanceLine(double[] x, double[] y, string name) =>
        Line(
            x,
            y,
            name,
            new LineStyle
            {
                Color = ChartColors.Reference,
                Width = 1,
                Dash = LineDash.Dash,
            }
        );

    /// <summary>An axis from 0 to 1 with a little room so that lines at 0 and 1 are not cut.</summary>
    private static Axis UnitAxis(string title) => new() { Title = title, Range = new[] { -0.01, 1.01 } };

    private static string FormatArea(double area) => area.ToString("0.000", CultureInfo.InvariantCulture);
}
