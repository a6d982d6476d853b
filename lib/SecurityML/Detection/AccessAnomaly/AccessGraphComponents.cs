namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Connected components of the bipartite user–resource access graph (an edge per accessed pair), as the
/// reference's <c>ConnectedComponents</c>: a user and a resource in different components share no chain of
/// accesses, so <see cref="AccessAnomalyModel"/> scores such a pair +∞. Computed by union–find, O(pairs·α).
/// </summary>
public static class AccessGraphComponents
{
    /// <summary>Labels every user and resource of <paramref name="pairs"/> with its component.</summary>
    /// <param name="pairs">The accessed (user, resource) pairs of one tenant; duplicates allowed; names
    /// ordinal.</param>
    /// <returns>Component labels 0, 1, 2 … numbered in the ordinal order of each component's first user; every
    /// component has at least one user and one resource. Empty maps when there are no pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or a name in it is null.</exception>
    public static (IReadOnlyDictionary<string, int> Users, IReadOnlyDictionary<string, int> Resources) Compute(
        IEnumerable<(string User, string Resource)> pairs
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        if (list.Any(pair => pair.User is null || pair.Resource is null))
            throw new ArgumentNullException(nameof(pairs), "A user or resource is null.");
        var users = list.Select(pair => pair.User).Distinct().Order(StringComparer.Ordinal).ToArray();
        var resources = list.Select(pair => pair.Resource).Distinct().Order(StringComparer.Ordinal).ToArray();
        var userIndex = users
            .Select((name, index) => (name, index))
            .ToDictionary(entry => entry.name, entry => entry.index, StringComparer.Ordinal);
        var resourceIndex = resources
            .Select((name, index) => (name, index))
            .ToDictionary(entry => entry.name, entry => entry.index, StringComparer.Ordinal);
        var (userLabels, resourceLabels) = Compute(
            users.Length,
            resources.Length,
            list.Select(pair => (userIndex[pair.User], resourceIndex[pair.Resource]))
        );
        return (
            users
                .Select((name, index) => (name, index))
                .ToDictionary(entry => entry.name, entry => userLabels[entry.index], StringComparer.Ordinal),
            resources
                .Select((name, index) => (name, index))
                .ToDictionary(entry => entry.name, entry => resourceLabels[entry.index], StringComparer.Ordinal)
        );
    }

    /// <summary>Components over indexed users [0, userCount) and resources [0, resourceCount), numbered in the order
    /// of each component's lowest user index; -1 for a user or resource without edges.</summary>
    internal static (int[] Users, int[] Resources) Compute(
        int userCount,
        int resourceCount,
        IEnumerable<(int User, int Resource)> edges
    )
    {
        var parents = Enumerable.Range(0, userCount + resourceCount).ToArray();
        var connected = new bool[parents.Length];
        foreach (var (user, resource) in edges)
        {
            Union(parents, user, userCount + resource);
            connected[user] = connected[userCount + resource] = true;
        }
        // Union keeps the smaller index as root, so a component's root is its lowest user index.
        var labels = new int[parents.Length];
        var next = 0;
        for (var node = 0; node < parents.Length; node++)
        {
            labels[node] =
                !connected[node] ? -1
                : Find(parents, node) == node ? next++
                : labels[Find(parents, node)];
        }
        return (labels[..userCount], labels[userCount..]);
    }

    private static int Find(int[] parents, int node)
    {
        var root = node;
        while (parents[root] != root)
            root = parents[root];
        while (parents[node] != root)
            (parents[node], node) = (root, parents[node]);
        return root;
    }

    private static void Union(int[] parents, int left, int right)
    {
        var (leftRoot, rightRoot) = (Find(parents, left), Find(parents, right));
        if (leftRoot != rightRoot)
            parents[Math.Max(leftRoot, rightRoot)] = Math.Min(leftRoot, rightRoot);
    }
}
