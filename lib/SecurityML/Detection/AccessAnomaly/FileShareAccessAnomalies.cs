using SecurityML.Data;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// One-call steps for Windows network share access (event 5140, <see cref="FileShareAccessEvent"/>): the user is
/// <see cref="FileShareAccessEvent.Account"/>, the resource <see cref="FileShareAccessEvent.ShareName"/>. What the
/// anomalous-resource-access notebooks call.
/// </summary>
public static class FileShareAccessAnomalies
{
    /// <summary>Likelihoods per (account, share): accesses / (1 + days between first and last day), see
    /// <see cref="AccessLikelihoodBuilder"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<AccessLikelihood> Likelihoods(IEnumerable<FileShareAccessEvent> events,
        string tenant = AccessLikelihoodBuilder.DefaultTenant) =>
        AccessLikelihoodBuilder.Compute(events, e => e.Account, e => e.ShareName, e => e.TimeGenerated, tenant);

    /// <summary>Builds likelihoods from <paramref name="events"/> and fits an <see cref="AccessAnomalyDetector"/>.</summary>
    /// <param name="events">The training window's share accesses (at least one).</param>
    /// <param name="options">Hyper-parameters; null for the defaults.</param>
    /// <param name="tenant">The tenant of every pair.</param>
    /// <param name="progress">Receives one report per ALS iteration.</param>
    /// <exception cref="ArgumentException">No events.</exception>
    public static AccessAnomalyModel Train(IEnumerable<FileShareAccessEvent> events, AccessAnomalyOptions? options = null,
        string tenant = AccessLikelihoodBuilder.DefaultTenant, IProgress<TrainingProgress>? progress = null) =>
        new AccessAnomalyDetector(options).Fit(Likelihoods(events, tenant), progress);

    /// <summary>Scores every (account, share, UTC day) of <paramref name="events"/> with <paramref name="model"/>.</summary>
    /// <returns>One row per account, share and day, ordered by day, account and share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ScoredAccess> ScoreDaily(AccessAnomalyModel model, IEnumerable<FileShareAccessEvent> events,
        string tenant = AccessLikelihoodBuilder.DefaultTenant)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tenant);
        var days = events
            .Where(e => !string.IsNullOrEmpty(e.Account) && !string.IsNullOrEmpty(e.ShareName))
            .GroupBy(e => (e.Account, e.ShareName, Day: DateOnly.FromDateTime(e.TimeGenerated.UtcDateTime)))
            .Select(group => (group.Key, First: group.Min(e => e.TimeGenerated), Count: group.Count()))
            .OrderBy(day => day.Key.Day).ThenBy(day => day.Key.Account, StringComparer.Ordinal)
            .ThenBy(day => day.Key.ShareName, StringComparer.Ordinal)
            .ToList();
        var scores = model.ScoreWithStatus(days.Select(day => new AccessLikelihood(tenant, day.Key.Account, day.Key.ShareName)).ToList());
        return days.Select((day, index) => new ScoredAccess(tenant, day.Key.Account, day.Key.ShareName, day.Key.Day,
            day.First.ToUniversalTime(), day.Count, scores[index].Score, scores[index].Status)).ToList();
    }
}
