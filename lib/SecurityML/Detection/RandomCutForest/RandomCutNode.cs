namespace SecurityML.Detection.RandomCutForest;

/// <summary>A node of a <see cref="RandomCutTree"/>: a leaf holds a point (and how many copies of it the sample has);
/// an internal node holds a cut (dimension, value: points with value ≤ cut go left) and the bounding box of its
/// points.</summary>
internal sealed class RandomCutNode
{
    private RandomCutNode(double[] minimum, double[] maximum, int mass, double[]? point, int dimension, double cut)
    {
        Minimum = minimum;
        Maximum = maximum;
        Mass = mass;
        Point = point;
        Dimension = dimension;
        Cut = cut;
    }

    /// <summary>The parent; null at the root.</summary>
    public RandomCutNode? Parent { get; set; }

    /// <summary>The child with values ≤ <see cref="Cut"/> in <see cref="Dimension"/>; null for a leaf.</summary>
    public RandomCutNode? Left { get; set; }

    /// <summary>The child with values &gt; <see cref="Cut"/>; null for a leaf.</summary>
    public RandomCutNode? Right { get; set; }

    /// <summary>The cut dimension (internal nodes).</summary>
    public int Dimension { get; }

    /// <summary>The cut value (internal nodes).</summary>
    public double Cut { get; }

    /// <summary>The lower corner of the bounding box (a leaf: its point).</summary>
    public double[] Minimum { get; private set; }

    /// <summary>The upper corner of the bounding box (a leaf: its point).</summary>
    public double[] Maximum { get; private set; }

    /// <summary>The number of sample points below this node, copies included.</summary>
    public int Mass { get; set; }

    /// <summary>The leaf's point; null for internal nodes.</summary>
    public double[]? Point { get; }

    /// <summary>True for a leaf.</summary>
    public bool IsLeaf => Point is not null;

    /// <summary>A leaf for <paramref name="point"/> (not copied: the caller owns an immutable copy).</summary>
    public static RandomCutNode Leaf(double[] point, int mass) => new(point, point, mass, point, -1, 0);

    /// <summary>An internal node over two children; box and mass from the children.</summary>
    public static RandomCutNode Internal(int dimension, double cut, RandomCutNode left, RandomCutNode right)
    {
        var node = new RandomCutNode(
            new double[left.Minimum.Length],
            new double[left.Minimum.Length],
            0,
            null,
            dimension,
            cut
        )
        {
            Left = left,
            Right = right,
        };
        left.Parent = node;
        right.Parent = node;
        node.Refresh();
        return node;
    }

    /// <summary>The child <paramref name="point"/> follows.</summary>
    public RandomCutNode Child(double[] point) => point[Dimension] <= Cut ? Left! : Right!;

    /// <summary>The other child of this node's parent.</summary>
    public RandomCutNode Sibling() => ReferenceEquals(Parent!.Left, this) ? Parent.Right! : Parent.Left!;

    /// <summary>Replaces the child <paramref name="old"/> with <paramref name="replacement"/>.</summary>
    public void ReplaceChild(RandomCutNode old, RandomCutNode replacement)
    {
        if (ReferenceEquals(Left, old))
            Left = replacement;
        else
            Right = replacement;
        replacement.Parent = this;
    }

    /// <summary>Recomputes mass and bounding box of an internal node from its children.</summary>
    public void Refresh()
    {
        Mass = Left!.Mass + Right!.Mass;
        for (int index = 0; index < Minimum.Length; index++)
        {
            Minimum[index] = Math.Min(Left.Minimum[index], Right.Minimum[index]);
            Maximum[index] = Math.Max(Left.Maximum[index], Right.Maximum[index]);
        }
    }

    /// <summary>A deep copy of the subtree (points shared: they are never changed).</summary>
    public RandomCutNode Copy()
    {
        if (IsLeaf)
            return Leaf(Point!, Mass);
        return Internal(Dimension, Cut, Left!.Copy(), Right!.Copy());
    }
}
