namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// The steps between scoring and alerting, as the reference scoring notebook takes them: drop known benign or
/// automation accounts, keep scores at or above a threshold, keep the top row per (user, resource), keep the top N.
/// Chain them: <c>scored.ExceptAccounts(benign).AtOrAbove(2.0).TopPerPair().Top(25)</c>.
/// </summary>
public static class ScoredAccessFilters
{
    /// <summary>Drops rows of the given accounts. An entry matches the user case-insensitively either whole
    /// (<c>CONTOSO\svc-backup</c>) or as the name after the domain (<c>svc-backup</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<ScoredAccess> ExceptAccounts(
        this IEnumerable<ScoredAccess> rows,
        IEnumerable<string> accounts
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(accounts);
        var excluded = new HashSet<string>(
            accounts.Where(account => !string.IsNullOrWhiteSpace(account)).Select(account => account.Trim()),
            StringComparer.OrdinalIgnoreCase
        );
        return rows.Where(row => !excluded.Contains(row.User) && !excluded.Contains(NameWithoutDomain(row.User)));
    }

    /// <summary>Keeps rows scoring at least <paramref name="threshold"/> (+∞ always passes, NaN never).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static IEnumerable<ScoredAccess> AtOrAbove(this IEnumerable<ScoredAccess> rows, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (double.IsNaN(threshold))
            throw new ArgumentOutOfRangeException(
                nameof(threshold),
                threshold,
                "The threshold must be a number; received NaN."
            );
        return rows.Where(row => row.AnomalyScore >= threshold);
    }

    /// <summary>Rows the model could not score (NaN: unknown tenant, user or resource), to report apart.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static IEnumerable<ScoredAccess> Unscored(this IEnumerable<ScoredAccess> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(row => double.IsNaN(row.AnomalyScore));
    }

    /// <summary>Keeps one row per (tenant, user, resource): the highest score, the earliest access on ties.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static IEnumerable<ScoredAccess> TopPerPair(this IEnumerable<ScoredAccess> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(row => (row.Tenant, row.User, row.Resource)).Select(group => Ranked(group).First());
    }

    /// <summary>The <paramref name="count"/> highest-scoring rows, highest first (ties: earliest access, then user and
    /// resource in ordinal order); NaN rows last.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<ScoredAccess> Top(this IEnumerable<ScoredAccess> rows, int count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Ranked(rows).Take(count).ToList();
    }

    private static IOrderedEnumerable<ScoredAccess> Ranked(IEnumerable<ScoredAccess> rows) =>
        rows.OrderByDescending(row => double.IsNaN(row.AnomalyScore) ? double.NegativeInfinity : row.AnomalyScore)
            .ThenBy(row => row.FirstAccess)
            .ThenBy(row => row.User, StringComparer.Ordinal)
            .ThenBy(row => row.Resource, StringComparer.Ordinal);

    private static string NameWithoutDomain(string account)
    {
        var separator = account.LastIndexOf('\\');
        return separator >= 0 ? account[(separator + 1)..] : account;
    }
}
