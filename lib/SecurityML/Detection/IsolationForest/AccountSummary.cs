using System.Globalization;
using SecurityML.Data;
using SecurityML.Features.Logons;
using static System.FormattableString;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// The account summary that ends the guided investigation (Sentinel's isolation-forest notebook hands over to msticnb's
/// <c>AccountSummary</c>): the flagged account's directory entry, its alerts and hunting bookmarks, its network logons
/// by computer with first and last seen, and how its days compare with its department's, in one view
/// (<see cref="Rows"/>) plus one chart (<see cref="IsolationForestCharts.AccountSummary"/>), so the analyst can decide
/// whether to escalate.
/// </summary>
/// <example>
/// <code>
/// var window = new TimeRange(start, end);
/// var summary = AccountSummary.Query(provider, "CONTOSO\\vera.meyer", window, logons, dailySummaries);
/// summary.Rows.ToTable(maxRows: 100, maxTextLength: 200)
/// </code>
/// </example>
public sealed record AccountSummary
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>The account, <c>DOMAIN\name</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary>The window summarised, half-open, UTC.</summary>
    public TimeRange Window { get; init; }

    /// <summary>The account's directory entry; null when the directory does not list it.</summary>
    public UserDirectoryEntry? DirectoryEntry { get; init; }

    /// <summary>The account's alerts in the window, oldest first.</summary>
    public IReadOnlyList<SecurityAlert> Alerts { get; init; } = [];

    /// <summary>The account's hunting bookmarks whose event or record time is in the window, oldest event
    /// first.</summary>
    public IReadOnlyList<HuntingBookmark> Bookmarks { get; init; } = [];

    /// <summary>The account's network logons per computer in the window, first seen first.</summary>
    public IReadOnlyList<AccountHostLogons> Hosts { get; init; } = [];

    /// <summary>How its days compare with its peers'.</summary>
    public AccountPeerComparison Peers { get; init; } = new();

    /// <summary>Sources <see cref="Query"/> could not read (e.g. a folder of your own exports without
    /// <c>SecurityAlerts.csv</c>), by section (<c>Directory</c>, <c>Alert</c>, <c>Bookmark</c>) with the reason; that
    /// section then says "not available" instead of "none". Empty when everything was read.</summary>
    public IReadOnlyDictionary<string, string> Unavailable { get; init; } = new Dictionary<string, string>();

    /// <summary>The account's first logon in the window; null when it has none.</summary>
    public DateTimeOffset? FirstSeen => Hosts.Count == 0 ? null : Hosts.Min(host => host.FirstSeen);

    /// <summary>The account's last logon in the window; null when it has none.</summary>
    public DateTimeOffset? LastSeen => Hosts.Count == 0 ? null : Hosts.Max(host => host.LastSeen);

    /// <summary>The single view: directory, logons, alerts, bookmarks, hosts and peers, in that order; a section with
    /// nothing to show says so in one row (no alert is not the same as not looked).</summary>
    public IReadOnlyList<AccountSummaryRow> Rows =>
        [.. DirectoryRows(), .. LogonRows(), .. AlertRows(), .. BookmarkRows(), .. Hosts.Select(HostRow), PeerRow()];

    /// <summary>Loads the directory, alerts and bookmarks of <paramref name="window"/> from <paramref name="provider"/>
    /// and summarises <paramref name="account"/> (see <see cref="Summarize"/>). A source the provider does not have (a
    /// local folder without <c>UserDirectory.csv</c>, <c>SecurityAlerts.csv</c> or <c>HuntingBookmarks.csv</c>) is
    /// listed in <see cref="Unavailable"/> and its section says so; any other read error (a malformed file, a failed
    /// query) throws.</summary>
    public static AccountSummary Query(
        QueryProvider provider,
        string account,
        TimeRange window,
        IEnumerable<LogonEvent> logons,
        IEnumerable<LogonDailySummary> daily
    )
    {
        ArgumentNullException.ThrowIfNull(provider);
        var unavailable = new Dictionary<string, string>();
        var directory = TryLoad("Directory", () => provider.UserDirectory(), unavailable);
        var alerts = TryLoad("Alert", () => provider.Load(DataSets.SecurityAlerts, window), unavailable);
        var bookmarks = TryLoad("Bookmark", () => provider.Load(DataSets.HuntingBookmarks, window), unavailable);
        return Summarize(account, window, logons, daily, directory, alerts, bookmarks) with
        {
            Unavailable = unavailable,
        };
    }

    private static IReadOnlyList<T> TryLoad<T>(
        string section,
        Func<IReadOnlyList<T>> load,
        Dictionary<string, string> unavailable
    )
    {
        try
        {
            return load();
        }
        catch (Exception exception)
            when (exception is FileNotFoundException or DirectoryNotFoundException or NotSupportedException)
        {
            unavailable[section] = exception.Message;
            return [];
        }
    }

    /// <summary>Summarises one account.</summary>
    /// <param name="account"><c>DOMAIN\name</c>, case-insensitive. Alerts and bookmarks match it, the account's user
    /// principal name from the directory, or its bare name.</param>
    /// <param name="window">The window, half-open (UTC).</param>
    /// <param name="logons">Logon events (any accounts; network logons of the account are kept, see
    /// <see cref="LogonAccountActivity.Events"/>).</param>
    /// <param name="daily">Daily summaries (any accounts) for the peer comparison; days outside the window are
    /// ignored.</param>
    /// <param name="directory">The user directory.</param>
    /// <param name="alerts">Security alerts (any accounts).</param>
    /// <param name="bookmarks">Hunting bookmarks (any accounts).</param>
    /// <returns>The summary; empty lists and a <c>none</c> row per empty section when the account has nothing
    /// there.</returns>
    /// <exception cref="ArgumentException">When <paramref name="account"/> is empty.</exception>
    public static AccountSummary Summarize(
        string account,
        TimeRange window,
        IEnumerable<LogonEvent> logons,
        IEnumerable<LogonDailySummary> daily,
        IEnumerable<UserDirectoryEntry> directory,
        IEnumerable<SecurityAlert> alerts,
        IEnumerable<HuntingBookmark> bookmarks
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(bookmarks);
        ArgumentNullException.ThrowIfNull(daily);
        var entries = directory?.ToList() ?? throw new ArgumentNullException(nameof(directory));
        var entry = entries.FirstOrDefault(item =>
            string.Equals(item.Account, account, StringComparison.OrdinalIgnoreCase)
        );
        var names = NamesOf(account, entry);
        return new AccountSummary
        {
            Account = account,
            Window = window,
            DirectoryEntry = entry,
            Alerts = alerts
                .Where(alert => names.Contains(alert.Account) && window.Contains(alert.TimeGenerated))
                .OrderBy(alert => alert.TimeGenerated)
                .ToList(),
            Bookmarks = bookmarks
                .Where(bookmark =>
                    names.Contains(bookmark.Account)
                    && (window.Contains(bookmark.EventTime) || window.Contains(bookmark.TimeGenerated))
                )
                .OrderBy(bookmark => bookmark.EventTime)
                .ToList(),
            Hosts = HostsOf(LogonAccountActivity.Events(logons, account, window.Start, window.End)),
            Peers = AccountPeerComparison.Compare(
                account,
                entry,
                entries,
                daily.Where(day => window.Contains(day.Date))
            ),
        };
    }

    private static HashSet<string> NamesOf(string account, UserDirectoryEntry? entry)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { account };
        var separator = account.LastIndexOf('\\');
        if (separator >= 0 && separator < account.Length - 1)
        {
            names.Add(account[(separator + 1)..]);
        }
        if (!string.IsNullOrWhiteSpace(entry?.UserPrincipalName))
        {
            names.Add(entry.UserPrincipalName);
        }
        return names;
    }

    private static List<AccountHostLogons> HostsOf(IReadOnlyList<LogonEvent> events) =>
        events
            .GroupBy(logon => logon.Computer, StringComparer.OrdinalIgnoreCase)
            .Select(group => new AccountHostLogons
            {
                Computer = group.First().Computer,
                SuccessfulLogons = group.Count(logon => logon.EventID == LogonAccountFilter.SuccessfulLogonEventId),
                FailedLogons = group.Count(logon => logon.EventID == LogonAccountFilter.FailedLogonEventId),
                LogonTypes = string.Join(", ", group.Select(logon => logon.LogonType).Distinct().Order()),
                Sources = string.Join(
                    ", ",
                    group
                        .Select(logon => IsEmpty(logon.WorkstationName) ? logon.IpAddress : logon.WorkstationName)
                        .Where(source => !IsEmpty(source))
                        .GroupBy(source => source, StringComparer.OrdinalIgnoreCase)
                        .OrderByDescending(sources => sources.Count())
                        .ThenBy(sources => sources.Key, StringComparer.OrdinalIgnoreCase)
                        .Select(sources => sources.Key)
                ),
                FirstSeen = group.Min(logon => logon.TimeGenerated),
                LastSeen = group.Max(logon => logon.TimeGenerated),
            })
            .OrderBy(host => host.FirstSeen)
            .ThenBy(host => host.Computer, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsEmpty(string? value) => string.IsNullOrWhiteSpace(value) || value == "-";

    private IEnumerable<AccountSummaryRow> DirectoryRows()
    {
        if (Unavailable.TryGetValue("Directory", out var reason))
        {
            yield return new("Directory", null, "not available", reason);
            yield break;
        }
        if (DirectoryEntry is not { } entry)
        {
            yield return new("Directory", null, "Account", $"{Account} is not in the user directory");
            yield break;
        }
        yield return new(
            "Directory",
            null,
            "Account",
            $"{entry.Account} ({entry.DisplayName}, {entry.AccountKind}), {entry.UserPrincipalName}"
        );
        yield return new("Directory", null, "Department and title", $"{entry.Department}, {entry.Title}");
        yield return new("Directory", null, "Manager", OrNone(entry.Manager));
        yield return new(
            "Directory",
            null,
            "Privileged groups",
            OrNone(entry.PrivilegedGroups.Replace(";", ", ", StringComparison.Ordinal))
        );
    }

    private IEnumerable<AccountSummaryRow> LogonRows()
    {
        if (FirstSeen is not { } first || LastSeen is not { } last)
        {
            yield return new("Logons", null, "First and last seen", "no network logons in the window");
            yield break;
        }
        var types = string.Join(
            ", ",
            Hosts.SelectMany(host => host.LogonTypes.Split(", ")).Distinct().Order(StringComparer.Ordinal)
        );
        yield return new(
            "Logons",
            first,
            "First and last seen",
            Invariant($"{Text(first)} to {Text(last)}: {Hosts.Sum(host => host.SuccessfulLogons):N0} successful and ")
                + Invariant(
                    $"{Hosts.Sum(host => host.FailedLogons):N0} failed logons on {Hosts.Count:N0} computers, logon "
                )
                + Invariant($"type {types}")
        );
    }

    private IEnumerable<AccountSummaryRow> AlertRows() =>
        Unavailable.TryGetValue("Alert", out var reason) ? [new("Alert", null, "not available", reason)]
        : Alerts.Count == 0 ? [new("Alert", null, "none", "no alerts for this account in the window")]
        : Alerts.Select(alert => new AccountSummaryRow(
            "Alert",
            alert.TimeGenerated,
            alert.AlertName,
            $"{alert.AlertSeverity}, {alert.Status}; {alert.ProviderName}; {OrNone(alert.Tactics)}; {alert.Description}"
        ));

    private IEnumerable<AccountSummaryRow> BookmarkRows() =>
        Unavailable.TryGetValue("Bookmark", out var reason) ? [new("Bookmark", null, "not available", reason)]
        : Bookmarks.Count == 0 ? [new("Bookmark", null, "none", "no hunting bookmarks for this account in the window")]
        : Bookmarks.Select(bookmark => new AccountSummaryRow(
            "Bookmark",
            bookmark.EventTime,
            bookmark.BookmarkName,
            $"tags {OrNone(bookmark.Tags)}; {bookmark.Notes} (saved {Text(bookmark.TimeGenerated)})"
        ));

    private static AccountSummaryRow HostRow(AccountHostLogons host) =>
        new(
            "Host",
            host.FirstSeen,
            host.Computer,
            Invariant(
                $"{host.SuccessfulLogons:N0} successful, {host.FailedLogons:N0} failed; logon type {host.LogonTypes}; "
            ) + $"from {OrNone(host.Sources)}; last {Text(host.LastSeen)}"
        );

    private AccountSummaryRow PeerRow() =>
        Peers.PeerDays == 0
            ? new(
                "Peers",
                null,
                Peers.Department.Length == 0 ? "none" : $"{Peers.Department} {Peers.AccountKind} accounts",
                "no peer account-days with logons in the window to compare with"
            )
            : new(
                "Peers",
                null,
                Invariant($"{Peers.Department} {Peers.AccountKind} accounts ({Peers.PeerAccounts.Count:N0})"),
                Invariant($"computers per day: peers' median {Peers.PeerComputersPerDayMedian:0.#}, maximum ")
                    + Invariant($"{Peers.PeerComputersPerDayMaximum:N0}, ")
                    + Invariant(
                        $"this account's maximum {Peers.AccountComputersPerDayMaximum:N0}; failed logons per day: "
                    )
                    + Invariant($"peers' median ")
                    + Invariant($"{Peers.PeerFailedLogonsPerDayMedian:0.#}, maximum ")
                    + Invariant($"{Peers.PeerFailedLogonsPerDayMaximum:N0}, this account's maximum ")
                    + Invariant($"{Peers.AccountFailedLogonsPerDayMaximum:N0} ({Peers.PeerDays:N0} peer account-days)")
            );

    private static string OrNone(string value) => string.IsNullOrWhiteSpace(value) ? "none" : value;

    private static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "Z";
}
