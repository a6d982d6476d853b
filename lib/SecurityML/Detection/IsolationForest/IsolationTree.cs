using System.Runtime.CompilerServices;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// One fitted isolation tree in flat arrays. Node 0 is the root; an internal node <c>i</c> sends a row left when
/// <c>row[Feature[i]] ≤ Threshold[i]</c> (as scikit-learn) to <c>Left[i]</c>, else to <c>Left[i] + 1</c>; a leaf
/// has <c>Feature[i] = −1</c>. Children always come after their parent.
/// </summary>
public sealed class IsolationTree
{
    /// <summary>The feature marker of a leaf.</summary>
    public const int LeafFeature = -1;

    private readonly PackedNode[] _nodes;

    internal IsolationTree(int[] feature, double[] threshold, int[] left, int[] sampleCount)
    {
        Feature = feature;
        Threshold = threshold;
        Left = left;
        SampleCount = sampleCount;
        var depth = new int[feature.Length];
        var pathLength = new double[feature.Length];
        _nodes = new PackedNode[feature.Length];
        for (int node = 0; node < feature.Length; node++)
        {
            if (feature[node] == LeafFeature)
            {
                pathLength[node] = depth[node] + AveragePathLength.Of(sampleCount[node]);
                _nodes[node] = new PackedNode(pathLength[node], LeafFeature, 0);
                continue;
            }
            if (left[node] <= node || left[node] + 1 >= feature.Length)
            {
                throw new ArgumentException($"Expected children of node {node} after it and inside the tree, received left child {left[node]} of {feature.Length} nodes.");
            }
            depth[left[node]] = depth[left[node] + 1] = depth[node] + 1;
            _nodes[node] = new PackedNode(threshold[node], feature[node], left[node]);
        }
        Depth = depth;
        PathLength = pathLength;
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>The split feature of each node (a column of the full row), or <see cref="LeafFeature"/>.</summary>
    public IReadOnlyList<int> Feature { get; }

    /// <summary>The split value of each internal node (0 for leaves).</summary>
    public IReadOnlyList<double> Threshold { get; }

    /// <summary>The left child of each internal node (the right child is the next index); 0 for leaves.</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>The number of distinct training rows that reached each node (scikit-learn's <c>n_node_samples</c>).</summary>
    public IReadOnlyList<int> SampleCount { get; }

    /// <summary>The depth of each node (root 0).</summary>
    public IReadOnlyList<int> Depth { get; }

    /// <summary>The path length of each leaf: depth + c(rows in the leaf); 0 for internal nodes.</summary>
    public IReadOnlyList<double> PathLength { get; }

    /// <summary>The path length of <paramref name="row"/>: the depth of its leaf + c(rows in that leaf).</summary>
    public double PathLengthOf(ReadOnlySpan<double> row) => _nodes[LeafOf(_nodes, row)].Value;

    /// <summary>The leaf a row reaches.</summary>
    public int LeafOf(ReadOnlySpan<double> row) => LeafOf(_nodes, row);

    /// <summary>Adds this tree's path length of each row of <paramref name="rows"/>[start, end) to
    /// <paramref name="sums"/>[0, end − start).</summary>
    internal void AddPathLengths(IReadOnlyList<double[]> rows, int start, int end, double[] sums)
    {
        PackedNode[] nodes = _nodes;
        for (int row = start; row < end; row++)
        {
            sums[row - start] += nodes[LeafOf(nodes, rows[row])].Value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeafOf(PackedNode[] nodes, ReadOnlySpan<double> row)
    {
        int node = 0;
        while (true)
        {
            ref readonly PackedNode current = ref nodes[node];
            if (current.Feature < 0)
            {
                return node;
            }
            node = row[current.Feature] <= current.Value ? current.Left : current.Left + 1;
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(NodeCount);
        for (int node = 0; node < NodeCount; node++)
        {
            writer.Write(Feature[node]);
            writer.Write(Threshold[node]);
            writer.Write(Left[node]);
            writer.Write(SampleCount[node]);
        }
    }

    internal static IsolationTree Read(BinaryReader reader, int featureCount)
    {
        int count = reader.ReadInt32();
        if (count < 1)
        {
            throw new InvalidDataException($"Expected at least one node, received {count}.");
        }
        var feature = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var samples = new int[count];
        for (int node = 0; node < count; node++)
        {
            feature[node] = reader.ReadInt32();
            threshold[node] = reader.ReadDouble();
            left[node] = reader.ReadInt32();
            samples[node] = reader.ReadInt32();
            if (feature[node] < LeafFeature || feature[node] >= featureCount)
            {
                throw new InvalidDataException($"Expected a feature in [-1, {featureCount}) at node {node}, received {feature[node]}.");
            }
        }
        return new IsolationTree(feature, threshold, left, samples);
    }

    /// <summary>The hot loop's node: threshold (or a leaf's path length), feature, left child; 16 bytes.</summary>
    private readonly record struct PackedNode(double Value, int Feature, int Left);
}
