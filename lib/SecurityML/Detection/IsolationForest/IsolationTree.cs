using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private readonly FastNode[] _fastNodes;
    private readonly double[] _leafValue;

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
                throw new ArgumentException(
                    $"Expected children of node {node} after it and inside the tree, received left child "
                        + $"{left[node]} of {feature.Length} nodes."
                );
            }
            depth[left[node]] = depth[left[node] + 1] = depth[node] + 1;
            _nodes[node] = new PackedNode(threshold[node], feature[node], left[node]);
        }
        Depth = depth;
        PathLength = pathLength;
        MaximumDepth = depth.Max();
        _leafValue = pathLength;
        _fastNodes = new FastNode[feature.Length];
        for (int node = 0; node < feature.Length; node++)
        {
            _fastNodes[node] =
                feature[node] == LeafFeature
                    ? new FastNode(double.PositiveInfinity, 0, node)
                    : new FastNode(threshold[node], feature[node], left[node]);
        }
    }

    /// <summary>
    /// A tree from node arrays in any layout, e.g. scikit-learn's <c>tree_</c> (<c>feature</c> mapped to full-row
    /// columns through <c>estimators_features_</c>, <c>threshold</c>, <c>children_left</c>, <c>children_right</c>,
    /// <c>n_node_samples</c>): nodes are renumbered breadth-first so that right children follow left ones.
    /// </summary>
    /// <param name="feature">Split column per node (ignored for leaves).</param>
    /// <param name="threshold">Split value per node; rows with value ≤ it go left.</param>
    /// <param name="left">Left child per node; negative for a leaf.</param>
    /// <param name="right">Right child per node; negative for a leaf.</param>
    /// <param name="sampleCount">Training rows per node (≥ 1).</param>
    /// <exception cref="ArgumentException">Arrays of different lengths, no nodes, a child out of range or reached
    /// twice, a negative split column, or a sample count below 1.</exception>
    public static IsolationTree FromArrays(
        int[] feature,
        double[] threshold,
        int[] left,
        int[] right,
        int[] sampleCount
    )
    {
        ArgumentNullException.ThrowIfNull(feature);
        int count = feature.Length;
        if (
            count == 0
            || threshold.Length != count
            || left.Length != count
            || right.Length != count
            || sampleCount.Length != count
        )
        {
            throw new ArgumentException(
                $"Expected node arrays of one length ≥ 1, received {count}, {threshold.Length}, {left.Length}, "
                    + $"{right.Length}, {sampleCount.Length}.",
                nameof(feature)
            );
        }
        var order = new List<int>(count) { 0 };
        var seen = new bool[count];
        seen[0] = true;
        for (int position = 0; position < order.Count; position++)
        {
            int node = order[position];
            if (left[node] < 0)
            {
                continue;
            }
            foreach (int child in new[] { left[node], right[node] })
            {
                if (child <= 0 || child >= count || seen[child])
                {
                    throw new ArgumentException(
                        $"Expected each child once and inside the tree, received child {child} of node {node}.",
                        nameof(left)
                    );
                }
                seen[child] = true;
                order.Add(child);
            }
        }
        return Renumbered(order, feature, threshold, left, sampleCount);
    }

    private static IsolationTree Renumbered(
        List<int> order,
        int[] feature,
        double[] threshold,
        int[] left,
        int[] sampleCount
    )
    {
        var newIndex = new int[feature.Length];
        for (int position = 0; position < order.Count; position++)
        {
            newIndex[order[position]] = position;
        }
        int count = order.Count;
        var (newFeature, newThreshold, newLeft, newSamples) = (
            new int[count],
            new double[count],
            new int[count],
            new int[count]
        );
        for (int position = 0; position < count; position++)
        {
            int node = order[position];
            if (sampleCount[node] < 1 || (left[node] >= 0 && feature[node] < 0))
            {
                throw new ArgumentException(
                    $"Expected a sample count ≥ 1 and a split column ≥ 0 at node {node}, received "
                        + $"{sampleCount[node]} and {feature[node]}.",
                    nameof(sampleCount)
                );
            }
            bool leaf = left[node] < 0;
            newFeature[position] = leaf ? LeafFeature : feature[node];
            newThreshold[position] = leaf ? 0 : threshold[node];
            newLeft[position] = leaf ? 0 : newIndex[left[node]];
            newSamples[position] = sampleCount[node];
        }
        return new IsolationTree(newFeature, newThreshold, newLeft, newSamples);
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>The split feature of each node (a column of the full row), or <see cref="LeafFeature"/>.</summary>
    public IReadOnlyList<int> Feature { get; }

    /// <summary>The split value of each internal node (0 for leaves).</summary>
    public IReadOnlyList<double> Threshold { get; }

    /// <summary>The left child of each internal node (the right child is the next index); 0 for leaves.</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>The number of distinct training rows that reached each node (scikit-learn's
    /// <c>n_node_samples</c>).</summary>
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
    /// <remarks>Branch-free: leaves loop to themselves (split value +∞), so every row takes exactly
    /// <see cref="MaximumDepth"/> steps; four rows walk the tree together to hide the load latency.</remarks>
    internal void AddPathLengths(double[][] rows, int start, int end, double[] sums)
    {
        ref FastNode nodes = ref MemoryMarshal.GetArrayDataReference(_fastNodes);
        int depth = MaximumDepth;
        int row = start;
        for (; row + 4 <= end; row += 4)
        {
            double[] x0 = rows[row],
                x1 = rows[row + 1],
                x2 = rows[row + 2],
                x3 = rows[row + 3];
            int n0 = 0,
                n1 = 0,
                n2 = 0,
                n3 = 0;
            for (int step = 0; step < depth; step++)
            {
                n0 = Step(ref nodes, n0, x0);
                n1 = Step(ref nodes, n1, x1);
                n2 = Step(ref nodes, n2, x2);
                n3 = Step(ref nodes, n3, x3);
            }
            int offset = row - start;
            sums[offset] += _leafValue[n0];
            sums[offset + 1] += _leafValue[n1];
            sums[offset + 2] += _leafValue[n2];
            sums[offset + 3] += _leafValue[n3];
        }
        for (; row < end; row++)
        {
            int node = 0;
            for (int step = 0; step < depth; step++)
            {
                node = Step(ref nodes, node, rows[row]);
            }
            sums[row - start] += _leafValue[node];
        }
    }

    /// <summary>The depth of the deepest leaf.</summary>
    public int MaximumDepth { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref FastNode nodes, int node, double[] row)
    {
        ref FastNode current = ref Unsafe.Add(ref nodes, node);
        return current.Left + (row[current.Feature] > current.Threshold ? 1 : 0);
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

    /// <summary>The fewest bytes a saved tree takes: a node count and one node.</summary>
    internal const int MinimumBytes = sizeof(int) + NodeBytes;

    private const int NodeBytes = 2 * sizeof(int) + sizeof(double) + sizeof(int);

    /// <summary>Reads a tree written by <see cref="Write"/>, checking every node.</summary>
    /// <exception cref="InvalidDataException">A count, split column, threshold, child or sample count out of range
    /// (named by <paramref name="field"/> and node).</exception>
    internal static IsolationTree Read(BinaryReader reader, int featureCount, string field)
    {
        int count = reader.ReadCount($"{field}.nodes", NodeBytes);
        if (count < 1)
            throw ModelPayloadReader.Invalid($"{field}.nodes", "at least one node", count);
        var (feature, threshold, left, samples) = (new int[count], new double[count], new int[count], new int[count]);
        for (int node = 0; node < count; node++)
        {
            string name = $"{field}.nodes[{node}]";
            feature[node] = reader.ReadInt32($"{name}.feature", LeafFeature, featureCount - 1);
            threshold[node] = reader.ReadFinite($"{name}.threshold");
            left[node] =
                feature[node] == LeafFeature
                    ? reader.ReadInt32($"{name}.left", 0, 0)
                    : reader.ReadInt32($"{name}.left", node + 1, count - 2);
            samples[node] = reader.ReadInt32($"{name}.sampleCount", 1);
        }
        return new IsolationTree(feature, threshold, left, samples);
    }

    /// <summary>A node for single rows: threshold (or a leaf's path length), feature, left child; 16 bytes.</summary>
    private readonly record struct PackedNode(double Value, int Feature, int Left);

    /// <summary>A node for the branch-free walk: a leaf has Threshold +∞, Feature 0 and Left = itself.</summary>
    private readonly record struct FastNode(double Threshold, int Feature, int Left);
}
