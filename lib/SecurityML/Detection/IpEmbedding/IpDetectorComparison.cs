using SecurityML.Charts;
using SecurityML.Tuning;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Compares detectors of (entity, IP) pairs on the same labelled pairs, as notebook 08 compares the embedding with the
/// prefix-frequency baseline: per detector the ROC and precision-recall curves, recall at 1 % false-positive rate, and
/// how many abnormal pairs an alert budget catches. Metrics come from <see cref="ThresholdTuning"/>; the charts draw
/// them.
/// </summary>
public sealed class IpDetectorComparison
{
    private readonly List<(string Name, ThresholdTuning Tuning)> _tunings;

    private IpDetectorComparison(List<(string Name, ThresholdTuning Tuning)> tunings, List<DetectorComparisonRow> rows)
    {
        _tunings = tunings;
        Rows = rows;
    }

    /// <summary>The figures per detector, in the order given.</summary>
    public IReadOnlyList<DetectorComparisonRow> Rows { get; }

    /// <summary>Scores <paramref name="pairs"/> with every detector and measures it against
    /// <paramref name="abnormal"/>.</summary>
    /// <param name="pairs">The pairs (e.g. the later sign-ins plus synthetic abnormal pairs).</param>
    /// <param name="abnormal">Per pair, true when it is abnormal; at least one of each.</param>
    /// <param name="days">The days the pairs cover, &gt; 0 (for the alert budget).</param>
    /// <param name="alertsPerDay">The alert budget per day, ≥ 0.</param>
    /// <param name="detectors">Named fitted models; pairs a model cannot score (NaN) count as not flagged.</param>
    /// <exception cref="ArgumentException">The lists' lengths differ, a class is empty, or no detector is
    /// given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> ≤ 0 or <paramref name="alertsPerDay"/>
    /// &lt; 0.</exception>
    public static IpDetectorComparison Of(
        IReadOnlyList<EntityIpPair> pairs,
        IReadOnlyList<bool> abnormal,
        double days,
        double alertsPerDay,
        params (string Name, IAnomalyModel<EntityIpPair> Model)[] detectors
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(abnormal);
        ArgumentNullException.ThrowIfNull(detectors);
        if (pairs.Count != abnormal.Count)
            throw new ArgumentException(
                $"Expected one label per pair ({pairs.Count}); received {abnormal.Count}.",
                nameof(abnormal)
            );
        if (detectors.Length == 0)
            throw new ArgumentException("Expected at least one detector; received none.", nameof(detectors));
        int abnormalCount = abnormal.Count(label => label);
        if (abnormalCount == 0 || abnormalCount == abnormal.Count)
        {
            throw new ArgumentException(
                $"Expected normal and abnormal pairs; received {abnormalCount} abnormal of {abnormal.Count}.",
                nameof(abnormal)
            );
        }
        var tunings = new List<(string, ThresholdTuning)>();
        var rows = new List<DetectorComparisonRow>();
        foreach (var (name, model) in detectors)
        {
            var scores = model
                .Score(pairs)
                .Select(score => double.IsNaN(score) ? double.NegativeInfinity : score)
                .ToArray();
            var tuning = ThresholdTuning.FromLabels(scores, abnormal);
            double threshold = tuning.ThresholdForFalsePositiveRate(0.01);
            int caughtAtRate = Enumerable
                .Range(0, scores.Length)
                .Count(index => abnormal[index] && scores[index] >= threshold);
            var alerts = ThresholdSelection.SelectAlertsForBudget(scores, days, alertsPerDay);
            int caught = alerts.Flagged.Count(index => abnormal[index]);
            tunings.Add((name, tuning));
            rows.Add(
                new DetectorComparisonRow(
                    name,
                    tuning.RocAuc,
                    tuning.AveragePrecision,
                    (double)caughtAtRate / abnormalCount,
                    alerts.Flagged.Count,
                    caught,
                    (double)caught / abnormalCount
                )
            );
        }
        return new IpDetectorComparison(tunings, rows);
    }

    /// <summary>The ROC curves of all detectors in one chart (the first in blue, then red, purple ...), with chance
    /// (<see cref="TuningCharts.RocCurves"/>).</summary>
    public Figure RocChart() => TuningCharts.RocCurves(_tunings);

    /// <summary>The precision-recall curves of all detectors in one chart
    /// (<see cref="TuningCharts.PrecisionRecallCurves"/>).</summary>
    public Figure PrecisionRecallChart() => TuningCharts.PrecisionRecallCurves(_tunings);
}
