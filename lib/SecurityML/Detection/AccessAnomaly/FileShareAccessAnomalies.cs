using SecurityML.Data;
using SecurityML.Features.FileShares;

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
    public static IReadOnlyList<AccessLikelihood> Likelihoods(
        IEnumerable<FileShareAccessEvent> events,
        string tenant = AccessLikelihoodBuilder.DefaultTenant
    ) => AccessLikelihoodBuilder.Compute(events, e => e.Account, e => e.ShareName, e => e.TimeGenerated, tenant);

    /// <summary>The same likelihoods as <see cref="Likelihoods"/> from per-pair aggregates
    /// (<see cref="ShareAccessSummary"/>, e.g. computed in a workspace): <see cref="ShareAccessSummary.Count"/> / (1 +
    /// UTC days between <see cref="ShareAccessSummary.FirstSeen"/> and <see cref="ShareAccessSummary.LastSeen"/>).
    /// Rows with an empty account or share are skipped.</summary>
    /// <param name="pairs">One row per account and share (any order).</param>
    /// <param name="tenant">The tenant of every pair.</param>
    /// <returns>One item per (account, share), ordered by account then share (ordinal).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A pair appears twice (the detector expects one item per pair).</exception>
    public static IReadOnlyList<AccessLikelihood> LikelihoodsFromCounts(
        IEnumerable<ShareAccessSummary> pairs,
        string tenant = AccessLikelihoodBuilder.DefaultTenant
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(tenant);
        static int Day(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime).DayNumber;
        var items = pairs
            .Where(pair => !string.IsNullOrEmpty(pair.Account) && !string.IsNullOrEmpty(pair.ShareName))
            .Select(pair => new AccessLikelihood(
                tenant,
                pair.Account,
                pair.ShareName,
                pair.Count / (1.0 + (Day(pair.LastSeen) - Day(pair.FirstSeen)))
            ))
            .OrderBy(item => item.User, StringComparer.Ordinal)
            .ThenBy(item => item.Resource, StringComparer.Ordinal)
            .ToList();
        var repeated = items
            .Zip(items.Skip(1))
            .FirstOrDefault(p => (p.First.User, p.First.Resource) == (p.Second.User, p.Second.Resource));
        if (repeated.First is not null)
        {
            throw new ArgumentException(
                $"Expected one row per (account, share); ('{repeated.First.User}', '{repeated.First.Resource}') repeats.",
                nameof(pairs)
            );
        }
        return items;
    }

    /// <summary>Builds likelihoods from <paramref name="events"/> and fits an
    /// <see cref="AccessAnomalyDetector"/>.</summary>
    /// <param name="events">The training window's share accesses (at least one).</param>
    /// <param name="options">Hyper-parameters; null for the defaults.</param>
    /// <param name="tenant">The tenant of every pair.</param>
    /// <param name="progress">Receives one report per ALS iteration.</param>
    /// <exception cref="ArgumentException">No events.</exception>
    public static AccessAnomalyModel Train(
        IEnumerable<FileShareAccessEvent> events,
        AccessAnomalyOptions? options = null,
        string tenant = AccessLikelihoodBuilder.DefaultTenant,
        IProgress<TrainingProgress>? progress = null
    ) => new AccessAnomalyDetector(options).Fit(Likelihoods(events, tenant), progress);

    /// <summary>Fits an <see cref="AccessAnomalyDetector"/> on per-pair aggregates (<see cref="ShareAccessSummary"/>,
    /// e.g. computed in a workspace): the likelihoods of <see cref="LikelihoodsFromCounts"/> are those the event
    /// overload builds from the events the pairs summarise, so the model is the same.</summary>
    /// <param name="pairs">The training window's (account, share) pairs, one row each (at least one).</param>
    /// <param name="options">Hyper-parameters; null for the defaults.</param>
    /// <param name="tenant">The tenant of every pair.</param>
    /// <param name="progress">Receives one report per ALS iteration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or <paramref name="tenant"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">No pairs, or a pair appears twice.</exception>
    public static AccessAnomalyModel Train(
        IEnumerable<ShareAccessSummary> pairs,
        AccessAnomalyOptions? options = null,
        string tenant = AccessLikelihoodBuilder.DefaultTenant,
        IProgress<TrainingProgress>? progress = null
    ) => new AccessAnomalyDetector(options).Fit(LikelihoodsFromCounts(pairs, tenant), progress);

    /// <summary>Scores every (account, share, UTC day) of <paramref name="events"/> with
    /// <paramref name="model"/>.</summary>
    /// <returns>One row per account, share and day, ordered by day, account and share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ScoredAccess> ScoreDaily(
        AccessAnomalyModel model,
        IEnumerable<FileShareAccessEvent> events,
        string tenant = AccessLikelihoodBuilder.DefaultTenant
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tenant);
        // The per-day rows of DailyShareAccess (the aggregate a workspace returns), without those lacking a name.
        var days = DailyShareAccess
            .Summarize(events)
            .Where(day => day.Account.Length > 0 && day.ShareName.Length > 0)
            .ToList();
        var scores = model.ScoreWithStatus(
            days.Select(day => new AccessLikelihood(tenant, day.Account, day.ShareName)).ToList()
        );
        return days.Select(
                (day, index) =>
                    new ScoredAccess(
                        tenant,
                        day.Account,
                        day.ShareName,
                        day.Day,
                        day.FirstSeen,
                        checked((int)day.Count),
                        scores[index].Score,
                        scores[index].Status
                    )
            )
            .ToList();
    }

    /// <summary>
    /// The (account, share) pairs that each label's account first accessed inside the label's window: the planted
    /// accesses a detector should flag (pairs the account also used before the window are normal behaviour and left
    /// out). For measuring the notebooks on labelled data such as the demo data's <c>FileShareAccess.labels.csv</c>.
    /// </summary>
    /// <param name="events">All share accesses (at least everything up to the windows' ends).</param>
    /// <param name="labels">The labels; the entity is the account.</param>
    /// <returns>One row per label and new pair, ordered by label window, account and share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<(string User, string Resource, string Kind)> NewPairsInLabelWindows(
        IEnumerable<FileShareAccessEvent> events,
        IEnumerable<AnomalyLabel> labels
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(labels);
        return NewPairs(events.Select(e => (e.Account, e.ShareName, e.TimeGenerated)).ToList(), labels);
    }

    /// <summary>
    /// The same pairs as the event overload, from per-pair aggregates over the same events (<see
    /// cref="ShareAccessSummary"/>, e.g. <c>ShareAccessCounts</c> computed in a workspace, with no time bound or at
    /// least from the first event up to the windows' ends). A share is new for a label's account when every spelling
    /// of the account first used it at or after the window start; a spelling then accessed it inside the window
    /// exactly when its first access is before the window end. Rows with an empty account or share are skipped
    /// (<c>ShareAccessCounts</c> leaves out such events).
    /// </summary>
    /// <param name="pairs">One row per account and share (any order).</param>
    /// <param name="labels">The labels; the entity is the account.</param>
    /// <returns>One row per label and new pair, ordered by label window, account and share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<(string User, string Resource, string Kind)> NewPairsInLabelWindows(
        IEnumerable<ShareAccessSummary> pairs,
        IEnumerable<AnomalyLabel> labels
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(labels);
        return NewPairs(
            pairs
                .Where(pair => !string.IsNullOrEmpty(pair.Account) && !string.IsNullOrEmpty(pair.ShareName))
                .Select(pair => (pair.Account, pair.ShareName, pair.FirstSeen))
                .ToList(),
            labels
        );
    }

    /// <summary>Per label (by window start): the (account, share) of the accesses inside the window of an account
    /// spelled as the label's entity (ignoring case) to a share none of its spellings accessed before the window,
    /// once each, by account then share (ordinal).</summary>
    private static List<(string User, string Resource, string Kind)> NewPairs(
        List<(string Account, string ShareName, DateTimeOffset Time)> accesses,
        IEnumerable<AnomalyLabel> labels
    ) =>
        labels
            .OrderBy(label => label.WindowStart)
            .SelectMany(label =>
            {
                var ofAccount = accesses
                    .Where(access => string.Equals(access.Account, label.Entity, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                var before = ofAccount
                    .Where(access => access.Time < label.WindowStart)
                    .Select(access => access.ShareName)
                    .ToHashSet(StringComparer.Ordinal);
                return ofAccount
                    .Where(access =>
                        label.Covers(access.Account, access.Time, StringComparison.OrdinalIgnoreCase)
                        && !before.Contains(access.ShareName)
                    )
                    .Select(access => (User: access.Account, Resource: access.ShareName, label.Kind))
                    .Distinct()
                    .OrderBy(pair => pair.User, StringComparer.Ordinal)
                    .ThenBy(pair => pair.Resource, StringComparer.Ordinal);
            })
            .ToList();
}
