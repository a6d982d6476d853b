namespace SecurityML.Tuning;

/// <summary>
/// Chooses alert thresholds on anomaly scores (flagged = score ≥ threshold): the lowest threshold whose false-positive
/// rate on known-normal scores stays within a target, or whose alert count stays within a budget per day, or the one
/// with the best F1 on labelled scores. NaN scores never alert (they count in the totals, never among the alerts).
/// </summary>
public static class ThresholdSelection
{
    /// <summary>The lowest threshold at which at most <paramref name="maximumAlerts"/> of <paramref name="scores"/> are
    /// flagged (score ≥ threshold). It is one of the scores, or just above the highest score
    /// (<see cref="Math.BitIncrement"/>) when even the highest ties exceed the budget or there are no finite scores to
    /// flag. Ties are flagged together or not at all, so ties may leave fewer alerts than allowed;
    /// <see cref="SelectAlerts"/> breaks them instead.</summary>
    /// <param name="scores">The scores; not modified.</param>
    /// <param name="maximumAlerts">The largest number of items to flag, ≥ 0.</param>
    /// <returns>The threshold; <see cref="double.NaN"/> (which flags nothing, as every comparison with NaN is false)
    /// when more than <paramref name="maximumAlerts"/> items score +∞: no number flags fewer of them than +∞
    /// does.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumAlerts"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> has no non-NaN score.</exception>
    public static double ForMaximumAlerts(IReadOnlyList<double> scores, long maximumAlerts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumAlerts);
        var sorted = scores.Where(score => !double.IsNaN(score)).OrderByDescending(score => score).ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("Expected at least one score that is not NaN; received none.", nameof(scores));
        double threshold = double.IsPositiveInfinity(sorted[0]) ? double.NaN : Math.BitIncrement(sorted[0]);
        for (int position = 0; position < sorted.Length; position++)
        {
            // Flagging sorted[position] flags every score ≥ it, i.e. up to the last tie.
            int lastTie = position;
            while (lastTie + 1 < sorted.Length && sorted[lastTie + 1] == sorted[position])
                lastTie++;
            if (lastTie + 1 > maximumAlerts)
                break;
            threshold = sorted[position];
            position = lastTie;
        }
        return threshold;
    }

    /// <summary>
    /// Exactly which items to flag within a budget of <paramref name="maximumAlerts"/>: the highest scores, with ties
    /// broken by position in <paramref name="scores"/> (the earlier item first), so the budget is filled but never
    /// exceeded, also when more items than allowed score +∞ (e.g. access pairs across graph components). NaN scores are
    /// never flagged. The result reports the tie the budget cut through, if any.
    /// </summary>
    /// <param name="scores">The scores in a stable order (e.g. by time, then key); not modified.</param>
    /// <param name="maximumAlerts">The largest number of items to flag, ≥ 0; 0 flags nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumAlerts"/> is negative.</exception>
    public static AlertSelection SelectAlerts(IReadOnlyList<double> scores, long maximumAlerts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumAlerts);
        var ranked = Enumerable
            .Range(0, scores.Count)
            .Where(index => !double.IsNaN(scores[index]))
            .OrderByDescending(index => scores[index])
            .ThenBy(index => index)
            .ToArray();
        int count = (int)Math.Min(maximumAlerts, ranked.Length);
        var flagged = ranked[..count];
        if (count == 0)
            return new AlertSelection(maximumAlerts, [], double.NaN, 0, 0);
        double lowest = scores[flagged[^1]];
        int tied = ranked.Count(index => scores[index] == lowest);
        int leftOut = ranked.Skip(count).Count(index => scores[index] == lowest);
        return new AlertSelection(maximumAlerts, flagged, lowest, tied, leftOut);
    }

    /// <summary><see cref="SelectAlerts"/> for a budget of <paramref name="alertsPerDay"/> a day over
    /// <paramref name="days"/> days (see <see cref="ForAlertBudget"/> for the arguments).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> ≤ 0 or <paramref name="alertsPerDay"/>
    /// &lt; 0.</exception>
    public static AlertSelection SelectAlertsForBudget(
        IReadOnlyList<double> scores,
        double days,
        double alertsPerDay
    ) => SelectAlerts(scores, AlertsAllowed(days, alertsPerDay));

    /// <summary>The lowest threshold whose false-positive rate on <paramref name="normalScores"/> (the share of them
    /// flagged) is at most <paramref name="targetFalsePositiveRate"/>.</summary>
    /// <param name="normalScores">Scores of known-normal items (e.g. held-out training-period data).</param>
    /// <param name="targetFalsePositiveRate">The largest acceptable rate, in [0, 1].</param>
    /// <returns>The threshold, as <see cref="ForMaximumAlerts"/>: NaN (flagging nothing) when more normal items than
    /// the rate allows score +∞.</returns>
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> ≤ 0 or <paramref name="alertsPerDay"/>
    /// &lt; 0.</exception>
    /// <returns>The threshold, as <see cref="ForMaximumAlerts"/> (NaN, flagging nothing, when more items than the
    /// budget score +∞; <see cref="SelectAlertsForBudget"/> breaks such ties).</returns>
    public static double ForAlertBudget(IReadOnlyList<double> scores, double days, double alertsPerDay)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return ForMaximumAlerts(scores, AlertsAllowed(days, alertsPerDay));
    }

    private static long AlertsAllowed(double days, double alertsPerDay)
    {
        RequireWithin(days, double.Epsilon, double.MaxValue, nameof(days));
        RequireWithin(alertsPerDay, 0, double.MaxValue, nameof(alertsPerDay));
        // The tiny relative slack keeps 1.5 × 7 style products from losing an alert to rounding.
        double allowed = Math.Floor(alertsPerDay * days * (1 + 1e-12));
        return allowed >= long.MaxValue ? long.MaxValue : (long)allowed;
    }

    /// <summary>The threshold, among the distinct scores, with the highest F1 on labelled scores (the highest
    /// threshold among equals).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or one class is missing.</exception>
    public static double ForMaximumF1(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var curve = ClassificationMetrics.PrecisionRecall(scores, labels);
        double best = double.NegativeInfinity,
            threshold = double.NaN;
        for (int index = curve.Thresholds.Length - 1; index >= 0; index--)
        {
            double precision = curve.Precisions[index],
                recall = curve.Recalls[index];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best)
            {
                best = f1;
                threshold = curve.Thresholds[index];
            }
        }
        return threshold;
    }

    private static void RequireWithin(double value, double minimum, double maximum, string name)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                FormattableString.Invariant($"{name} must be in [{minimum}, {maximum}]; received {value}.")
            );
        }
    }
}
