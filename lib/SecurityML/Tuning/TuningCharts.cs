using System.Globalization;
using SecurityML.Charts;

namespace SecurityML.Tuning;

/// <summary>
/// The charts of the threshold step, drawing what <see cref="ClassificationMetrics"/> and
/// <see cref="ThresholdTuning"/> computed, as scikit-learn's <c>RocCurveDisplay</c> and
/// <c>PrecisionRecallDisplay</c> draw what <c>roc_curve</c> and <c>precision_recall_curve</c> return: a chart never
/// recomputes a metric.
/// </summary>
public static class TuningCharts
{
    private static readonly string[] CurveColors =
    [
        ChartColors.Normal,
        ChartColors.Anomaly,
        ChartColors.Score,
        ChartColors.Threshold,
    ];

    /// <summary>A ROC curve with the chance diagonal and its <see cref="RocCurve.AreaUnderCurve"/> in the
    /// title.</summary>
    /// <param name="curve">The curve, e.g. <see cref="ThresholdTuning.Roc"/>.</param>
    /// <param name="title">The title, before the AUC.</param>
    /// <returns>The figure of <see cref="Chart.RocCurve"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static Figure Roc(RocCurve curve, string title = Chart.DefaultRocTitle)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Chart.RocCurve(curve.FalsePositiveRates, curve.TruePositiveRates, curve.AreaUnderCurve, title);
    }

    /// <summary>A precision-recall curve as steps, with its <see cref="PrecisionRecallCurve.AveragePrecision"/> in the
    /// title and, optionally, the chance line at the positive rate.</summary>
    /// <param name="curve">The curve, e.g. <see cref="ThresholdTuning.PrecisionRecall"/>.</param>
    /// <param name="positiveRate">The share of abnormal items, in [0, 1]: a random detector's precision; none when
    /// null.</param>
    /// <param name="title">The title, before the average precision.</param>
    /// <returns>The figure of <see cref="Chart.PrecisionRecallCurve"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static Figure PrecisionRecall(
        PrecisionRecallCurve curve,
        double? positiveRate = null,
        string title = Chart.DefaultPrecisionRecallTitle
    )
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Chart.PrecisionRecallCurve(curve.Recalls, curve.Precisions, curve.AveragePrecision, positiveRate, title);
    }

    /// <summary>Overlaid histograms of the normal and abnormal scores of <paramref name="tuning"/>, with the threshold
    /// line when it is finite.</summary>
    /// <param name="tuning">The scores and labels.</param>
    /// <param name="threshold">The threshold to draw; none when null or infinite.</param>
    /// <param name="numberOfBins">The number of bins; plotly's choice when null.</param>
    /// <param name="title">The figure title.</param>
    /// <returns>The figure of <see cref="Chart.ScoreDistribution"/> with traces <c>normal</c> and
    /// <c>abnormal</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tuning"/> is null.</exception>
    public static Figure ScoreHistogram(
        ThresholdTuning tuning,
        double? threshold = null,
        int? numberOfBins = 40,
        string title = "Normal and abnormal scores"
    )
    {
        ArgumentNullException.ThrowIfNull(tuning);
        return Chart.ScoreDistribution(
            tuning.NormalScores,
            tuning.AbnormalScores,
            threshold is { } value && double.IsFinite(value) ? value : null,
            numberOfBins,
            title,
            scoresName: "normal",
            abnormalScoresName: "abnormal"
        );
    }

    /// <summary>The ROC curves of several detectors on the same labels in one chart (the first in blue, then red,
    /// purple ...), each named <c>name (AUC 0.912)</c>, with the chance diagonal.</summary>
    /// <param name="tunings">Named tunings, in legend order; at least one.</param>
    /// <param name="title">The figure title.</param>
    /// <exception cref="ArgumentException"><paramref name="tunings"/> is empty.</exception>
    public static Figure RocCurves(
        IReadOnlyList<(string Name, ThresholdTuning Tuning)> tunings,
        string title = "ROC curves"
    ) => Combined(tunings, tuning => Roc(tuning.Roc), tuning => tuning.RocAuc, "AUC", title);

    /// <summary>The precision-recall curves of several detectors on the same labels in one chart, each named
    /// <c>name (AP 0.734)</c>.</summary>
    /// <inheritdoc cref="RocCurves"/>
    public static Figure PrecisionRecallCurves(
        IReadOnlyList<(string Name, ThresholdTuning Tuning)> tunings,
        string title = "Precision-recall curves"
    ) =>
        Combined(
            tunings,
            tuning => PrecisionRecall(tuning.PrecisionRecall),
            tuning => tuning.AveragePrecision,
            "AP",
            title
        );

    private static Figure Combined(
        IReadOnlyList<(string Name, ThresholdTuning Tuning)> tunings,
        Func<ThresholdTuning, Figure> chart,
        Func<ThresholdTuning, double> area,
        string areaName,
        string title
    )
    {
        ArgumentNullException.ThrowIfNull(tunings);
        if (tunings.Count == 0)
            throw new ArgumentException("Expected at least one detector; received none.", nameof(tunings));
        Figure? combined = null;
        for (int index = 0; index < tunings.Count; index++)
        {
            var (name, tuning) = tunings[index];
            var figure = chart(tuning);
            var curve = (Scatter)figure.Data[0];
            curve.Name = string.Create(CultureInfo.InvariantCulture, $"{name} ({areaName} {area(tuning):F3})");
            curve.Line = new LineStyle
            {
                Color = CurveColors[index % CurveColors.Length],
                Width = 2,
                Shape = curve.Line?.Shape,
            };
            if (combined is null)
                combined = figure;
            else
                combined.Data.Insert(index, curve);
        }
        combined!.Layout.Title = title;
        return combined;
    }
}
