using SecurityML.Data;
using SecurityML.Features.FileShares;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Adds context to flagged accesses from the user directory and a reference window of accesses: the user's
/// department (the peer group) and its size, the share of peers who accessed the same resource, and the blast
/// radius of the account (distinct resources it reached, privileged groups it belongs to).
/// </summary>
public sealed class AccessEnrichment
{
    private readonly Dictionary<string, UserDirectoryEntry> _directory;
    private readonly Dictionary<string, List<string>> _departmentMembers;
    private readonly Dictionary<string, HashSet<string>> _resourcesByUser;

    /// <summary>Prepares the enrichment.</summary>
    /// <param name="directory">The user directory (accounts matched case-insensitively; the first entry wins).</param>
    /// <param name="accesses">The reference (user, resource) accesses, e.g. training and scoring windows together;
    /// repeated pairs are fine.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AccessEnrichment(
        IEnumerable<UserDirectoryEntry> directory,
        IEnumerable<(string User, string Resource)> accesses
    )
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(accesses);
        _directory = new Dictionary<string, UserDirectoryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in directory.Where(entry => !string.IsNullOrEmpty(entry.Account)))
            _directory.TryAdd(entry.Account, entry);
        _departmentMembers = _directory
            .Values.Where(entry => entry.Department.Length > 0)
            .GroupBy(entry => entry.Department, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                group => group.Key,
                group => group.Select(entry => entry.Account).ToList(),
                StringComparer.OrdinalIgnoreCase
            );
        _resourcesByUser = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (user, resource) in accesses)
        {
            if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(resource))
                continue;
            if (!_resourcesByUser.TryGetValue(user, out var resources))
                _resourcesByUser[user] = resources = new(StringComparer.Ordinal);
            resources.Add(resource);
        }
    }

    /// <summary>An enrichment over share accesses (user = <see cref="FileShareAccessEvent.Account"/>, resource =
    /// <see cref="FileShareAccessEvent.ShareName"/>).</summary>
    public static AccessEnrichment FromShareAccess(
        IEnumerable<UserDirectoryEntry> directory,
        IEnumerable<FileShareAccessEvent> accesses
    )
    {
        ArgumentNullException.ThrowIfNull(accesses);
        return new AccessEnrichment(directory, accesses.Select(access => (access.Account, access.ShareName)));
    }

    /// <summary>An enrichment over share accesses counted per (account, share) (<see cref="ShareAccessSummary"/>,
    /// e.g. <c>ShareAccessCounts</c> computed in a workspace over the reference window): the same as
    /// <see cref="FromShareAccess(IEnumerable{UserDirectoryEntry}, IEnumerable{FileShareAccessEvent})"/> over the
    /// events the rows count, as only which pairs occur matters.</summary>
    /// <param name="directory">The user directory (accounts matched case-insensitively; the first entry wins).</param>
    /// <param name="pairs">The reference window's (account, share) rows; repeated pairs are fine.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AccessEnrichment FromShareAccess(
        IEnumerable<UserDirectoryEntry> directory,
        IEnumerable<ShareAccessSummary> pairs
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new AccessEnrichment(directory, pairs.Select(pair => (pair.Account, pair.ShareName)));
    }

    /// <summary>The result rows of the flagged accesses, in the same order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="flagged"/> is null.</exception>
    public IReadOnlyList<AnomalousResourceAccessResult> Enrich(IEnumerable<ScoredAccess> flagged)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        return flagged.Select(Enrich).ToList();
    }

    private AnomalousResourceAccessResult Enrich(ScoredAccess access)
    {
        var entry = _directory.GetValueOrDefault(access.User);
        var department = entry?.Department ?? "";
        var peers = _departmentMembers
            .GetValueOrDefault(department, [])
            .Where(member => !string.Equals(member, access.User, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var peersWithAccess = peers.Count(peer =>
            _resourcesByUser.GetValueOrDefault(peer)?.Contains(access.Resource) == true
        );
        var groups = (entry?.PrivilegedGroups ?? "").Split(
            ';',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        return new AnomalousResourceAccessResult
        {
            TimeGenerated = access.FirstAccess.ToUniversalTime(),
            User = access.User,
            Resource = access.Resource,
            AnomalyScore = access.AnomalyScore,
            Tenant = access.Tenant,
            Accesses = access.Accesses,
            Department = department,
            PeerCount = peers.Count,
            PeerAccessShare = peers.Count > 0 ? (double)peersWithAccess / peers.Count : null,
            ResourcesReached = _resourcesByUser.GetValueOrDefault(access.User)?.Count ?? 0,
            PrivilegedGroupCount = groups.Length,
            PrivilegedGroups = string.Join(";", groups),
        };
    }
}
