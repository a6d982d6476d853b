namespace SecurityML.Tuning;

/// <summary>
/// Chooses alert thresholds on anomaly scores (flagged = score ≥ threshold): the lowest threshold whose false-positive
/// rate on known-normal scores stays within a target, or whose alert count stays within a budget per day, or the one
/// with the best F1 on labelled scores. NaN scores never alert (they count in the totals, never among the alerts).
/// </summary>
public static class ThresholdSelection
{
    /// <summary>The lowest threshold at which at most <paramref name="maximumAlerts"/> of <paramref name="scores"/> are
    /// flagged. It is one of the scores, or just above the highest score (<see cref="Math.BitIncrement"/>) when even the
    /// highest ties exceed the budget or there are no finite scores to flag. Ties may leave fewer alerts than allowed.</summary>
    /// <param name="scores">The scores; not modified.</param>
    /// <param name="maximumAlerts">The largest number of items to flag, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumAlerts"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> has no non-NaN score.</exception>
    public static double ForMaximumAlerts(IReadOnlyList<double> scores, long maximumAlerts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumAlerts);
        var sorted = scores.Where(score => !double.IsNaN(score)).OrderByDescending(score => score).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("Expected at least one score that is not NaN; received none.", nameof(scores));
        double threshold = double.IsPositiveInfinity(sorted[0]) ? double.PositiveInfinity : Math.BitIncrement(sorted[0]);
        for (int position = 0; position < sorted.Length; position++)
        {
            // Flagging sorted[position] flags every score ≥ it, i.e. up to the last tie.
            int lastTie = position;
            while (lastTie + 1 < sorted.Length && sorted[lastTie + 1] == sorted[position]) lastTie++;
            if (lastTie + 1 > maximumAlerts) break;
            threshold = sorted[position];
            position = lastTie;
        }
        return threshold;
    }

    /// <summary>The lowest threshold whose false-positive rate on <paramref name="normalScores"/> (the share of them
    /// flagged) is at most <paramref name="targetFalsePositiveRate"/>.</summary>
    /// <param name="normalScores">Scores of known-normal items (e.g. held-out training-period data).</param>
    /// <param name="targetFalsePositiveRate">The largest acceptable rate, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1].</exception>
    public static double ForFalsePositiveRate(IReadOnlyList<double> normalScores, double targetFalsePositiveRate)
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        RequireWithin(targetFalsePositiveRate, 0, 1, nameof(targetFalsePositiveRate));
        // The tiny relative slack keeps rates such as 0.29 × 100 (= 28.999…) from losing an alert to rounding.
        long allowed = (long)Math.Floor(targetFalsePositiveRate * normalScores.Count * (1 + 1e-12));
        return ForMaximumAlerts(normalScores, allowed);
    }

    /// <summary>The lowest threshold that keeps the alerts on <paramref name="scores"/>, which cover
    /// <paramref name="days"/> days of data, within <paramref name="alertsPerDay"/> a day on average.</summary>
    /// <param name="scores">Scores of a representative period (e.g. the last weeks of traffic).</param>
    /// <param name="days">The length of that period in days, &gt; 0.</param>
    /// <param name="alertsPerDay">The alert budget per day, ≥ 0 (fractions allowed: 0.5 = one every two days).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> ≤ 0 or <paramref name="alertsPerDay"/> &lt; 0.</exception>
    public static double ForAlertBudget(IReadOnlyList<double> scores, double days, double alertsPerDay)
    {
        ArgumentNullException.ThrowIfNull(scores);
        RequireWithin(days, double.Epsilon, double.MaxValue, nameof(days));
        RequireWithin(alertsPerDay, 0, double.MaxValue, nameof(alertsPerDay));
        return ForMaximumAlerts(scores, (long)Math.Floor(alertsPerDay * days * (1 + 1e-12)));
    }

    /// <summary>The threshold, among the distinct scores, with the highest F1 on labelled scores (the highest
    /// threshold among equals).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or one class is missing.</exception>
    public static double ForMaximumF1(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var curve = ClassificationMetrics.PrecisionRecall(scores, labels);
        double best = double.NegativeInfinity, threshold = double.NaN;
        for (int index = curve.Thresholds.Length - 1; index >= 0; index--)
        {
            double precision = curve.Precisions[index], recall = curve.Recalls[index];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best) { best = f1; threshold = curve.Thresholds[index]; }
        }
        return threshold;
    }

    private static void RequireWithin(double value, double minimum, double maximum, string name)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{name} must be in [{minimum}, {maximum}]; received {value}."));
        }
    }
}
