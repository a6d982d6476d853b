using SecurityML.Tuning;

namespace SecurityML.MLNet.Triage;

/// <summary>
/// Precision at the alert budget of one ranking: the analysts look at the <see cref="Budget"/> highest-ranked alerts
/// (<see cref="ThresholdSelection.SelectAlertsForBudget"/>: days × alerts per day, ties by position) and
/// <see cref="Precision"/> is the share of true positives among them.
/// </summary>
/// <param name="Ranking">What ranked the alerts, e.g. <c>AnomalyScore</c> or <c>triage priority</c>.</param>
/// <param name="Budget">Alerts looked at.</param>
/// <param name="TruePositives">True positives among them.</param>
/// <param name="Precision">TruePositives / Budget; NaN when the budget is 0.</param>
/// <param name="TruePositivesAvailable">True positives among all alerts (the most the budget could find).</param>
public sealed record BudgetPrecision(
    string Ranking,
    int Budget,
    int TruePositives,
    double Precision,
    int TruePositivesAvailable
)
{
    /// <summary>Evaluates a ranking: <paramref name="scores"/>[i] ranks alert i (higher = first), whose verdict is
    /// <paramref name="truePositive"/>[i].</summary>
    /// <param name="ranking">A name for the ranking.</param>
    /// <param name="scores">One score per alert; NaN ranks last.</param>
    /// <param name="truePositive">One verdict per alert.</param>
    /// <param name="days">The days the alerts span (&gt; 0).</param>
    /// <param name="alertsPerDay">The analysts' budget per day (&gt; 0).</param>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> or <paramref name="alertsPerDay"/> is not
    /// positive.</exception>
    public static BudgetPrecision Of(
        string ranking,
        IReadOnlyList<double> scores,
        IReadOnlyList<bool> truePositive,
        double days,
        double alertsPerDay
    )
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(truePositive);
        if (scores.Count != truePositive.Count)
        {
            throw new ArgumentException(
                $"Expected one verdict per score ({scores.Count}), received {truePositive.Count}.",
                nameof(truePositive)
            );
        }
        var ranked = scores.Select(s => double.IsNaN(s) ? double.NegativeInfinity : s).ToList();
        var selection = ThresholdSelection.SelectAlertsForBudget(ranked, days, alertsPerDay);
        var found = selection.Flagged.Count(index => truePositive[index]);
        var budget = selection.Flagged.Count;
        return new BudgetPrecision(
            ranking,
            budget,
            found,
            budget == 0 ? double.NaN : (double)found / budget,
            truePositive.Count(t => t)
        );
    }
}
