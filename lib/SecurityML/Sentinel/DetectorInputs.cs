using SecurityML.Data;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// The inputs detectors train on, computed where the data lives: with a <see cref="LogAnalyticsQueryProvider"/> the
/// workspace aggregates (KQL <c>summarize</c>) and only the aggregate rows travel, so the rows moved scale with
/// entities × days, not with events; with any other provider (local files) the library aggregates the events it reads.
/// Both paths give the same typed records (see each method for the one difference Kusto forces).
/// </summary>
/// <example>
/// <code>
/// var summaries = workspace.QueryProvider.DailyLogons(start, end);   // one row per account and UTC day
/// var run = LogonAnomalyDetection.Run(summaries, ZScoreBaseline.OtherDays);
/// </code>
/// </example>
public static class DetectorInputs
{
    /// <summary>Network logons per account and UTC day (<see cref="LogonDailySummary"/>) in [<paramref name="start"/>,
    /// <paramref name="end"/>) (null ends are open): in a workspace by <see cref="SentinelQueries.DailyLogons"/>,
    /// locally by <see cref="LogonDailyAggregation.Summarize"/> over <see cref="QueryProvider.Logons"/>. Same events,
    /// columns, UTC day boundaries and order; the one difference: Kusto groups account names as spelled, so spellings
    /// of one account that differ only in case make separate rows in a workspace and one row locally.</summary>
    /// <param name="provider">The notebook's query provider.</param>
    /// <param name="start">Inclusive start (UTC); null for no bound.</param>
    /// <param name="end">Exclusive end (UTC); null for no bound.</param>
    /// <returns>One row per account and day with at least one kept logon, by date, domain and user.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static IReadOnlyList<LogonDailySummary> DailyLogons(
        this QueryProvider provider,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider is LogAnalyticsQueryProvider workspace
            ? workspace.DailyLogons(start, end)
            : LocalSqlInputs.DailyLogons(provider, TimeRange.Between(start, end))
                ?? LogonDailyAggregation.Summarize(provider.Logons(start, end));
    }

    /// <summary>Network logons per account and UTC day (<see cref="EntityDaySummary"/>: count, first and last time)
    /// in [<paramref name="start"/>, <paramref name="end"/>) (null ends are open): in a workspace by
    /// <see cref="SentinelQueries.DailyLogonCounts"/>, locally by
    /// <see cref="EntityAggregation.SummarizeByEntityAndDay{T}"/> over <see cref="QueryProvider.Logons"/> with
    /// <c>Account</c> as entity. Same events, grouping (accounts as spelled), UTC days and columns
    /// (<see cref="EntityDaySummary.DistinctCount"/> 0); ordered by account (ordinal), then day, on both
    /// paths.</summary>
    /// <param name="provider">The notebook's query provider.</param>
    /// <param name="start">Inclusive start (UTC); null for no bound.</param>
    /// <param name="end">Exclusive end (UTC); null for no bound.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static IReadOnlyList<EntityDaySummary> DailyLogonCounts(
        this QueryProvider provider,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        var range = TimeRange.Between(start, end);
        if (provider is not LogAnalyticsQueryProvider workspace)
        {
            return LocalSqlInputs.DailyLogonCounts(provider, range)
                ?? provider
                    .Logons(start, end)
                    .SummarizeByEntityAndDay(logon => logon.Account, logon => logon.TimeGenerated);
        }
        return EntityDaySummary.InEntityDayOrder(
            workspace.Load(DailyLogonCount.DataSet, range).Select(row => row.ToSummary())
        );
    }

    /// <summary>Share accesses (5140) per account and share (<see cref="ShareAccessSummary"/>: count, first and last
    /// time) in [<paramref name="start"/>, <paramref name="end"/>) (null ends are open): in a workspace by
    /// <see cref="SentinelQueries.ShareAccessCounts"/>, locally by <see cref="ShareAccessSummary.Summarize"/> over
    /// <see cref="QueryProvider.FileShareAccess"/>. Same events (those with an account and a share), grouping (names
    /// as spelled) and columns; ordered by account then share (ordinal) on both paths.</summary>
    /// <param name="provider">The notebook's query provider.</param>
    /// <param name="start">Inclusive start (UTC); null for no bound.</param>
    /// <param name="end">Exclusive end (UTC); null for no bound.</param>
    /// <returns>One row per account and share with at least one access.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static IReadOnlyList<ShareAccessSummary> ShareAccessCounts(
        this QueryProvider provider,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        var range = TimeRange.Between(start, end);
        if (provider is not LogAnalyticsQueryProvider workspace)
        {
            return LocalSqlInputs.ShareAccessCounts(provider, range)
                ?? ShareAccessSummary.Summarize(provider.FileShareAccess(start, end));
        }
        return ShareAccessSummary.Order(workspace.Load(ShareAccessSummary.DataSet, range));
    }

    /// <summary>The raw network logons (<see cref="DataSets.Logons"/>) of one account in [<paramref name="start"/>,
    /// <paramref name="end"/>), for the drill-down after a detector flagged it: in a workspace the
    /// <see cref="SentinelQueries.Logons"/> query filtered by <c>Account in~ (account)</c>, so only that account's
    /// events travel; locally the events whose <c>Account</c> or <c>TargetDomainName\TargetUserName</c> equals
    /// <paramref name="account"/> ignoring case. SecurityEvent writes <c>Account</c> as
    /// <c>TargetDomainName\TargetUserName</c> for 4624/4625, so both give the same events.</summary>
    /// <param name="provider">The notebook's query provider.</param>
    /// <param name="account"><c>DOMAIN\user</c>, as <see cref="LogonDailySummary.Account"/>.</param>
    /// <param name="start">Inclusive start (UTC); null for no bound.</param>
    /// <param name="end">Exclusive end (UTC); null for no bound.</param>
    /// <returns>The account's logon events, in the provider's order; empty when the workspace provider's own filter
    /// leaves the account out.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty or white space.</exception>
    public static IReadOnlyList<LogonEvent> AccountLogons(
        this QueryProvider provider,
        string account,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        if (provider is LogAnalyticsQueryProvider workspace)
        {
            var accounts = workspace.Filter.Accounts;
            return accounts.Count > 0 && !accounts.Contains(account, StringComparer.OrdinalIgnoreCase)
                ? []
                : workspace.WithFilter(workspace.Filter with { Accounts = [account] }).Logons(start, end);
        }
        return provider
            .Logons(start, end)
            .Where(logon =>
                string.Equals(logon.Account, account, StringComparison.OrdinalIgnoreCase)
                || string.Equals(
                    logon.TargetDomainName + "\\" + logon.TargetUserName,
                    account,
                    StringComparison.OrdinalIgnoreCase
                )
            )
            .ToList();
    }

    /// <summary>Share accesses (5140) per account, share and UTC day
    /// (<see cref="Features.FileShares.DailyShareAccess"/>: count, first and last time) in [<paramref name="start"/>,
    /// <paramref name="end"/>) (null ends are open): in a workspace by <see cref="SentinelQueries.DailyShareAccess"/>,
    /// locally by SQL over a CSV file of a <see cref="LocalDataProvider"/> (DuckDB), otherwise by
    /// <see cref="Features.FileShares.DailyShareAccess.Summarize"/> over
    /// <see cref="QueryProvider.FileShareAccess"/>. Same events (those without an account or share too, under the
    /// empty name), grouping (names as spelled), UTC day boundaries and columns; ordered by day, account and share
    /// (ordinal) on both paths.</summary>
    /// <param name="provider">The notebook's query provider.</param>
    /// <param name="start">Inclusive start (UTC); null for no bound.</param>
    /// <param name="end">Exclusive end (UTC); null for no bound.</param>
    /// <returns>One row per account, share and day with at least one access.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static IReadOnlyList<DailyShareAccess> DailyShareAccess(
        this QueryProvider provider,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        var range = TimeRange.Between(start, end);
        if (provider is not LogAnalyticsQueryProvider workspace)
        {
            return LocalSqlInputs.DailyShareAccess(provider, range)
                ?? Features.FileShares.DailyShareAccess.Summarize(provider.FileShareAccess(start, end));
        }
        return Features.FileShares.DailyShareAccess.Order(
            workspace.Load(Features.FileShares.DailyShareAccess.DataSet, range)
        );
    }
}
