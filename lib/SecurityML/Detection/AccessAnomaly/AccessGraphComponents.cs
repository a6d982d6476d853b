namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Connected components of the bipartite user–resource access graph (an edge per accessed pair), as the
/// reference's <c>ConnectedComponents</c>: a user and a resource in different components share no chain of
/// accesses, so <see cref="AccessAnomalyModel"/> scores such a pair +∞. Computed by union–find, O(pairs·α).
/// </summary>
public static class AccessGraphComponents
{
    /// <summary>Labels every user and resource of <paramref name="pairs"/> with its component.</summary>
    /// <param name="pairs">The accessed (user, resource) pairs of one tenant; duplicates allowed; names ordinal.</param>
    /// <returns>Component labels 0, 1, 2 … numbered in the ordinal order of each component's first user; every
    /// component has at least one user and one resource. Empty maps when there are no pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or a name in it is null.</exception>
    public static (IReadOnlyDictionary<string, int> Users, IReadOnlyDictionary<string, int> Resources) Compute(
        IEnumerable<(string User, string Resource)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        var resources = new Dictionary<string, int>(StringComparer.Ordinal);
        var parents = new List<int>();
        foreach (var (user, resource) in pairs)
        {
            ArgumentNullException.ThrowIfNull(user, nameof(pairs));
            ArgumentNullException.ThrowIfNull(resource, nameof(pairs));
            Union(parents, Node(users, user, parents), Node(resources, resource, parents));
        }
        var labels = new Dictionary<int, int>();
        foreach (var user in users.Keys.Order(StringComparer.Ordinal))
        {
            labels.TryAdd(Find(parents, users[user]), labels.Count);
        }
        return (Labelled(users, parents, labels), Labelled(resources, parents, labels));
    }

    private static int Node(Dictionary<string, int> nodes, string name, List<int> parents)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            node = parents.Count;
            parents.Add(node);
            nodes.Add(name, node);
        }
        return node;
    }

    private static int Find(List<int> parents, int node)
    {
        var root = node;
        while (parents[root] != root) root = parents[root];
        while (parents[node] != root) (parents[node], node) = (root, parents[node]);
        return root;
    }

    private static void Union(List<int> parents, int left, int right)
    {
        var (leftRoot, rightRoot) = (Find(parents, left), Find(parents, right));
        if (leftRoot != rightRoot) parents[Math.Max(leftRoot, rightRoot)] = Math.Min(leftRoot, rightRoot);
    }

    private static Dictionary<string, int> Labelled(Dictionary<string, int> nodes, List<int> parents, Dictionary<int, int> labels) =>
        nodes.ToDictionary(node => node.Key, node => labels[Find(parents, node.Value)], StringComparer.Ordinal);
}
