namespace SecurityML.Explain;

/// <summary>
/// A binary decision tree as TreeSHAP reads it (the arrays of shap's <c>SingleTree</c>): node 0 is the root; an
/// internal node sends a row to <see cref="Left"/> when <c>row[Feature] ≤ Threshold</c>, else to
/// <see cref="Right"/>; every node has a <see cref="Value"/> (a leaf's output; for internal nodes the
/// cover-weighted mean of its children) and a <see cref="Cover"/> (the training weight that reached it).
/// </summary>
public sealed class ShapTree
{
    /// <summary>The feature marker of a leaf.</summary>
    public const int LeafFeature = -1;

    /// <summary>Creates a tree from its node arrays (all of the same length, ≥ 1; taken, not copied).</summary>
    /// <param name="feature">Split feature per node; <see cref="LeafFeature"/> for leaves.</param>
    /// <param name="threshold">Split value per internal node.</param>
    /// <param name="left">Left child per internal node (after the node).</param>
    /// <param name="right">Right child per internal node (after the node).</param>
    /// <param name="value">Output per node.</param>
    /// <param name="cover">Training weight per node, &gt; 0.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no nodes, a child does not come after its
    /// parent, or a cover is not positive.</exception>
    public ShapTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] cover)
    {
        ArgumentNullException.ThrowIfNull(feature);
        int count = feature.Length;
        if (
            count == 0
            || threshold.Length != count
            || left.Length != count
            || right.Length != count
            || value.Length != count
            || cover.Length != count
        )
        {
            throw new ArgumentException(
                $"Expected node arrays of one length ≥ 1, received {count} features, {threshold.Length} "
                    + $"thresholds, {left.Length} left, {right.Length} right, {value.Length} values, "
                    + $"{cover.Length} covers.",
                nameof(feature)
            );
        }
        var depth = new int[count];
        for (int node = 0; node < count; node++)
        {
            if (!(cover[node] > 0))
            {
                throw new ArgumentException(
                    $"Expected a positive cover at node {node}, received {cover[node]}.",
                    nameof(cover)
                );
            }
            if (feature[node] == LeafFeature)
            {
                continue;
            }
            if (left[node] <= node || right[node] <= node || left[node] >= count || right[node] >= count)
            {
                throw new ArgumentException(
                    $"Expected the children of node {node} after it and inside the tree, received {left[node]} "
                        + $"and {right[node]}.",
                    nameof(left)
                );
            }
            depth[left[node]] = depth[right[node]] = depth[node] + 1;
        }
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
        Cover = cover;
        MaximumDepth = depth.Max();
    }

    /// <summary>Split feature per node; <see cref="LeafFeature"/> for leaves.</summary>
    public IReadOnlyList<int> Feature { get; }

    /// <summary>Split value per internal node.</summary>
    public IReadOnlyList<double> Threshold { get; }

    /// <summary>Left child per internal node.</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>Right child per internal node.</summary>
    public IReadOnlyList<int> Right { get; }

    /// <summary>Output per node (internal nodes: the cover-weighted mean of their children).</summary>
    public IReadOnlyList<double> Value { get; }

    /// <summary>Training weight per node.</summary>
    public IReadOnlyList<double> Cover { get; }

    /// <summary>The depth of the deepest leaf (root 0).</summary>
    public int MaximumDepth { get; }

    /// <summary>True if <paramref name="node"/> is a leaf.</summary>
    public bool IsLeaf(int node) => Feature[node] == LeafFeature;

    /// <summary>The child a row goes to from internal node <paramref name="node"/>.</summary>
    public int ChildOf(int node, ReadOnlySpan<double> row) =>
        row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
}
