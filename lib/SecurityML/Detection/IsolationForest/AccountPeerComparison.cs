using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// How an account's daily logons compare with its peers': the other accounts of its department and kind (human or
/// service) in the user directory, over their account-days with logons in the window (<see cref="LogonDailySummary"/>).
/// Medians and maxima are over account-days; they are 0 when there are no peer days (no peers, or the account is not in
/// the directory, when <see cref="Department"/> is empty).
/// </summary>
public sealed record AccountPeerComparison
{
    /// <summary>The account's department; empty when the account is not in the directory.</summary>
    public string Department { get; init; } = "";

    /// <summary>The account's kind in the directory (<c>Human</c> or <c>Service</c>); empty when not in it.</summary>
    public string AccountKind { get; init; } = "";

    /// <summary>The peers: the other accounts of the same department and kind, ordinal order.</summary>
    public IReadOnlyList<string> PeerAccounts { get; init; } = [];

    /// <summary>Peer account-days with logons in the window.</summary>
    public int PeerDays { get; init; }

    /// <summary>Median computers logged on to per peer account-day.</summary>
    public double PeerComputersPerDayMedian { get; init; }

    /// <summary>Most computers logged on to in one peer account-day.</summary>
    public int PeerComputersPerDayMaximum { get; init; }

    /// <summary>Median failed logons per peer account-day.</summary>
    public double PeerFailedLogonsPerDayMedian { get; init; }

    /// <summary>Most failed logons in one peer account-day.</summary>
    public int PeerFailedLogonsPerDayMaximum { get; init; }

    /// <summary>Most computers the account logged on to in one day of the window.</summary>
    public int AccountComputersPerDayMaximum { get; init; }

    /// <summary>Most failed logons of the account in one day of the window.</summary>
    public int AccountFailedLogonsPerDayMaximum { get; init; }

    /// <summary>Compares <paramref name="account"/>'s days with its peers' in <paramref name="daily"/>.</summary>
    /// <param name="account"><c>DOMAIN\name</c>, case-insensitive.</param>
    /// <param name="directoryEntry">The account's directory entry; null when it is not in the directory (no
    /// peers).</param>
    /// <param name="directory">The whole directory.</param>
    /// <param name="daily">Daily summaries of the window (any accounts).</param>
    public static AccountPeerComparison Compare(
        string account,
        Data.UserDirectoryEntry? directoryEntry,
        IEnumerable<Data.UserDirectoryEntry> directory,
        IEnumerable<LogonDailySummary> daily
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(daily);
        var days = daily.ToList();
        var own = days.Where(day => string.Equals(day.Account, account, StringComparison.OrdinalIgnoreCase)).ToList();
        var peers = directoryEntry is null
            ? []
            : directory
                .Where(entry =>
                    entry.Department == directoryEntry.Department
                    && entry.AccountKind == directoryEntry.AccountKind
                    && !string.Equals(entry.Account, account, StringComparison.OrdinalIgnoreCase)
                )
                .Select(entry => entry.Account)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
        var peerSet = peers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var peerDays = days.Where(day => peerSet.Contains(day.Account)).ToList();
        return new AccountPeerComparison
        {
            Department = directoryEntry?.Department ?? "",
            AccountKind = directoryEntry?.AccountKind ?? "",
            PeerAccounts = peers,
            PeerDays = peerDays.Count,
            PeerComputersPerDayMedian = Median(peerDays.Select(day => day.ComputersSuccessfulAccess)),
            PeerComputersPerDayMaximum = peerDays.Select(day => day.ComputersSuccessfulAccess).DefaultIfEmpty().Max(),
            PeerFailedLogonsPerDayMedian = Median(peerDays.Select(day => day.FailedLogons)),
            PeerFailedLogonsPerDayMaximum = peerDays.Select(day => day.FailedLogons).DefaultIfEmpty().Max(),
            AccountComputersPerDayMaximum = own.Select(day => day.ComputersSuccessfulAccess).DefaultIfEmpty().Max(),
            AccountFailedLogonsPerDayMaximum = own.Select(day => day.FailedLogons).DefaultIfEmpty().Max(),
        };
    }

    /// <summary>The median (mean of the middle two for an even count); 0 for no values.</summary>
    internal static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
