namespace SecurityML.Tests.Architecture;

/// <summary>
/// The allowed reference directions between the top-level folders of lib/SecurityML (issue 17): a folder may use the
/// folders listed for it and nothing else. The directions form a layering, so no cycle is allowed either; the check
/// reports both, naming each edge with an example type pair.
/// </summary>
public static class FolderRules
{
    private static readonly string[] BelowDetection =
    [
        "Numerics",
        "Display",
        "Charts",
        "Data",
        "Features",
        "Explain",
        "Tuning",
    ];
    private static readonly string[] BelowScoring = [.. BelowDetection, "Detection"];

    /// <summary>Each folder and the folders it may reference.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } =
        new Dictionary<string, IReadOnlySet<string>>
        {
            ["Numerics"] = Set(),
            ["Display"] = Set("Numerics"),
            ["Charts"] = Set("Display", "Numerics"),
            ["Data"] = Set("Display", "Numerics"),
            ["Features"] = Set("Data", "Numerics"),
            ["Explain"] = Set("Data", "Numerics"),
            ["Tuning"] = Set("Data", "Features", "Charts", "Display", "Numerics"),
            ["Detection"] = Set(BelowDetection),
            ["Scoring"] = Set(BelowScoring),
            ["Results"] = Set(BelowScoring),
            ["Sentinel"] = Set([.. BelowScoring, "Results"]),
            [FolderGraph.Root] = Set([.. BelowScoring, "Scoring", "Results", "Sentinel"]),
        };

    /// <summary>What is wrong with <paramref name="edges"/>, one line each (empty when nothing): edges to or from a
    /// folder the rules do not name, edges against the allowed directions, and cycles (each strongly connected set of
    /// folders, with the edges inside it). Edges whose <see cref="FolderEdge.Key"/> is in <paramref name="known"/> are
    /// left out; a known key with no such edge is reported too, so the list only holds what is still there.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<FolderEdge> edges, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(known);
        var problems = new List<string>();
        var checkedEdges = edges.Where(edge => !known.Contains(edge.Key)).ToList();
        foreach (var edge in checkedEdges)
        {
            if (!Allowed.TryGetValue(edge.From, out var allowed) || !Allowed.ContainsKey(edge.To))
            {
                problems.Add($"unknown folder in {edge}: the rules name [{string.Join(", ", Allowed.Keys)}]");
            }
            else if (!allowed.Contains(edge.To))
            {
                problems.Add($"not allowed: {edge}");
            }
        }
        foreach (var cycle in Cycles(checkedEdges))
        {
            var inside = checkedEdges.Where(edge => cycle.Contains(edge.From) && cycle.Contains(edge.To));
            problems.Add($"cycle between [{string.Join(", ", cycle)}]: {string.Join("; ", inside)}");
        }
        problems.AddRange(
            known
                .Where(key => edges.All(edge => edge.Key != key))
                .Order(StringComparer.Ordinal)
                .Select(key => $"known violation {key} is gone: remove it from the known list")
        );
        return problems;
    }

    /// <summary>The strongly connected sets of more than one folder (Tarjan's algorithm), each sorted by
    /// name.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<FolderEdge> edges)
    {
        var next = edges
            .GroupBy(edge => edge.From)
            .ToDictionary(group => group.Key, group => group.Select(edge => edge.To).ToList());
        var nodes = next
            .Keys.Concat(next.Values.SelectMany(to => to))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                    low[node] = Math.Min(low[node], index[to]);
            }
            if (low[node] != index[node])
                return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                component.Add(popped);
            } while (popped != node);
            if (component.Count > 1)
                cycles.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
            Visit(node);
        return cycles;
    }

    private static HashSet<string> Set(params string[] folders) => new(folders, StringComparer.Ordinal);
}
