using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// One robust random cut tree over a changing point set (Guha et al. 2016, section 3): points are inserted by the
/// paper's Algorithm 2 (a random cut on the bounding box extended by the new point; if it separates the point, a new
/// node splits there, otherwise the point descends) and deleted by replacing the leaf's parent with its sibling, so
/// that the tree is at every moment distributed as a tree built from scratch on its current points. Equal points share
/// one leaf with a mass.
/// </summary>
internal sealed class RandomCutTree
{
    private RandomCutNode? _root;

    /// <summary>Creates an empty tree for points of <paramref name="dimensions"/> values.</summary>
    public RandomCutTree(int dimensions) => Dimensions = dimensions;

    /// <summary>Values per point.</summary>
    public int Dimensions { get; }

    /// <summary>The root; null when empty.</summary>
    public RandomCutNode? Root => _root;

    /// <summary>Points in the tree, copies included.</summary>
    public int Mass => _root?.Mass ?? 0;

    /// <summary>Inserts <paramref name="point"/> (kept by reference; never changed), drawing cuts from
    /// <paramref name="random"/>.</summary>
    public void Insert(double[] point, DeterministicRandom random)
    {
        if (_root is null)
        {
            _root = RandomCutNode.Leaf(point, 1);
            return;
        }
        var node = _root;
        while (true)
        {
            if (node.IsLeaf && node.Point!.AsSpan().SequenceEqual(point))
            {
                for (var up = node; up is not null; up = up.Parent)
                    up.Mass++;
                return;
            }
            var (dimension, cut) = RandomCut(node, point, random);
            bool below = point[dimension] < node.Minimum[dimension] && cut < node.Minimum[dimension];
            bool above = point[dimension] > node.Maximum[dimension] && cut >= node.Maximum[dimension];
            if (below || above)
            {
                Split(node, point, dimension, cut, below);
                return;
            }
            node = node.Child(point);
        }
    }

    /// <summary>Deletes one copy of <paramref name="point"/>.</summary>
    /// <exception cref="InvalidOperationException">The point is not in the tree.</exception>
    public void Delete(double[] point)
    {
        var leaf = LeafOf(point);
        if (leaf is null || !leaf.Point!.AsSpan().SequenceEqual(point))
        {
            throw new InvalidOperationException(
                "Expected the point to delete in the tree, received a point it does not hold."
            );
        }
        if (leaf.Mass > 1)
        {
            for (var up = leaf; up is not null; up = up.Parent)
                up.Mass--;
            return;
        }
        var parent = leaf.Parent;
        if (parent is null)
        {
            _root = null;
            return;
        }
        var sibling = leaf.Sibling();
        var grandparent = parent.Parent;
        if (grandparent is null)
        {
            _root = sibling;
            sibling.Parent = null;
            return;
        }
        grandparent.ReplaceChild(parent, sibling);
        for (var up = grandparent; up is not null; up = up.Parent)
            up.Refresh();
    }

    /// <summary>The leaf <paramref name="point"/> reaches by following the cuts; null when empty.</summary>
    public RandomCutNode? LeafOf(double[] point)
    {
        var node = _root;
        while (node is { IsLeaf: false })
            node = node.Child(point);
        return node;
    }

    /// <summary>A deep copy (points shared).</summary>
    public RandomCutTree Copy() => new(Dimensions) { _root = _root?.Copy() };

    /// <summary>Builds a tree from a root read from a file.</summary>
    public static RandomCutTree FromRoot(int dimensions, RandomCutNode? root) => new(dimensions) { _root = root };

    /// <summary>A cut drawn on the box of <paramref name="node"/> extended by <paramref name="point"/>: a dimension
    /// with probability proportional to its extended range, a value uniform in that range.</summary>
    private (int Dimension, double Cut) RandomCut(RandomCutNode node, double[] point, DeterministicRandom random)
    {
        double total = 0;
        for (int index = 0; index < Dimensions; index++)
        {
            total += Math.Max(node.Maximum[index], point[index]) - Math.Min(node.Minimum[index], point[index]);
        }
        double draw = random.NextDouble() * total;
        int last = -1;
        for (int index = 0; index < Dimensions; index++)
        {
            double low = Math.Min(node.Minimum[index], point[index]),
                high = Math.Max(node.Maximum[index], point[index]);
            if (high - low <= 0)
                continue;
            last = index;
            if (draw < high - low)
                return (index, Math.Min(low + draw, Math.BitDecrement(high)));
            draw -= high - low;
        }
        // Rounding left the draw past the last range: cut at the top of the last dimension with a range.
        double top = Math.Max(node.Maximum[last], point[last]);
        return (last, Math.BitDecrement(top));
    }

    private void Split(RandomCutNode node, double[] point, int dimension, double cut, bool pointBelow)
    {
        var parent = node.Parent;
        var leaf = RandomCutNode.Leaf(point, 1);
        var split = pointBelow
            ? RandomCutNode.Internal(dimension, cut, leaf, node)
            : RandomCutNode.Internal(dimension, cut, node, leaf);
        if (parent is null)
        {
            _root = split;
            split.Parent = null;
            return;
        }
        parent.ReplaceChild(node, split);
        for (var up = parent; up is not null; up = up.Parent)
            up.Refresh();
    }
}
