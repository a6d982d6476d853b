namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Turns raw access events into <see cref="AccessLikelihood"/> items as the reference notebooks of Azure Sentinel's
/// bring-your-own-ML framework do: for each (user, resource), the number of accesses divided by one plus the number
/// of days between the first and the last day of access (UTC days). A pair seen 10 times on one day gets 10; seen
/// 10 times spread from Monday to Friday gets 10 / 5 = 2.
/// </summary>
public static class AccessLikelihoodBuilder
{
    /// <summary>The tenant used when the data has none.</summary>
    public const string DefaultTenant = "default";

    /// <summary>Computes one likelihood per distinct (user, resource) of <paramref name="events"/>.</summary>
    /// <param name="events">The access events (any order; streamed once).</param>
    /// <param name="user">The event's user; events with a null or empty user are skipped.</param>
    /// <param name="resource">The event's resource; events with a null or empty resource are skipped.</param>
    /// <param name="time">The event's time; its UTC date is the event's day.</param>
    /// <param name="tenant">The tenant of every item (default <see cref="DefaultTenant"/>).</param>
    /// <returns>The items ordered by user then resource (ordinal); empty when there are no events.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<AccessLikelihood> Compute<T>(
        IEnumerable<T> events,
        Func<T, string?> user,
        Func<T, string?> resource,
        Func<T, DateTimeOffset> time,
        string tenant = DefaultTenant
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(tenant);
        var pairs = new Dictionary<(string User, string Resource), (long Count, DateOnly First, DateOnly Last)>();
        foreach (var item in events)
        {
            var userName = user(item);
            var resourceName = resource(item);
            if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(resourceName))
                continue;
            var day = DateOnly.FromDateTime(time(item).UtcDateTime);
            var key = (userName, resourceName);
            pairs[key] = pairs.TryGetValue(key, out var seen)
                ? (seen.Count + 1, day < seen.First ? day : seen.First, day > seen.Last ? day : seen.Last)
                : (1, day, day);
        }
        return pairs
            .OrderBy(pair => pair.Key.User, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Resource, StringComparer.Ordinal)
            .Select(pair => new AccessLikelihood(
                tenant,
                pair.Key.User,
                pair.Key.Resource,
                pair.Value.Count / (1.0 + (pair.Value.Last.DayNumber - pair.Value.First.DayNumber))
            ))
            .ToList();
    }
}
