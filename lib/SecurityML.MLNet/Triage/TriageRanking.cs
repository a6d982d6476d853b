using SecurityML.Data;
using SecurityML.Tuning;

namespace SecurityML.MLNet.Triage;

/// <summary>Ranks a window of alerts by a triage model's priority, marking the ones within the alert budget.</summary>
public static class TriageRanking
{
    /// <summary>
    /// The alerts ranked by priority, highest first (ties by time, then id), as rows of the <c>AlertTriageScores</c>
    /// results table; the first <c>days × alertsPerDay</c> (rounded down, as
    /// <see cref="ThresholdSelection.SelectAlertsForBudget"/>) are <see cref="TriagedAlert.WithinBudget"/>.
    /// </summary>
    /// <param name="model">The triage model.</param>
    /// <param name="alerts">The window's alerts.</param>
    /// <param name="days">The days the window spans (&gt; 0).</param>
    /// <param name="alertsPerDay">The analysts' budget per day (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> ≤ 0 or <paramref name="alertsPerDay"/>
    /// &lt; 0.</exception>
    public static IReadOnlyList<TriagedAlert> Rank(
        this AlertTriageModel model,
        IReadOnlyList<TriageAlert> alerts,
        double days,
        double alertsPerDay
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(alerts);
        var priority = model.Score(alerts);
        var order = Enumerable
            .Range(0, alerts.Count)
            .OrderByDescending(i => priority[i])
            .ThenBy(i => alerts[i].TimeGenerated)
            .ThenBy(i => alerts[i].SystemAlertId, StringComparer.Ordinal)
            .ToList();
        var budget = ThresholdSelection
            .SelectAlertsForBudget(order.Select((_, position) => (double)-position).ToList(), days, alertsPerDay)
            .Flagged.Count;
        return order
            .Select(
                (index, position) =>
                    new TriagedAlert
                    {
                        TimeGenerated = alerts[index].TimeGenerated,
                        SystemAlertId = alerts[index].SystemAlertId,
                        AlertName = alerts[index].AlertName,
                        CompromisedEntity = alerts[index].CompromisedEntity,
                        AnomalyScore = alerts[index].AnomalyScore,
                        Priority = priority[index],
                        Rank = position + 1,
                        WithinBudget = position < budget,
                    }
            )
            .ToList();
    }
}
