namespace SecurityML.Detection.RandomCutForest;

/// <summary>Writes and reads a <see cref="RandomCutTree"/> in pre-order (tag 1: internal node with dimension and cut,
/// then its children; tag 0: leaf with mass and point), and checks that a read tree holds exactly its sample.</summary>
internal static class RandomCutTreeFile
{
    private const byte LeafTag = 0;
    private const byte InternalTag = 1;

    public static void Write(BinaryWriter writer, RandomCutNode? root)
    {
        writer.Write(root is not null);
        if (root is not null)
            WriteNode(writer, root);
    }

    /// <summary>Reads a tree written by <see cref="Write"/> and checks it against <paramref name="sample"/>: every
    /// sample point reaches a leaf holding it, and every leaf's mass is the number of sample points it holds.</summary>
    /// <exception cref="InvalidDataException">A bad tag, dimension, cut, mass or point, a tree deeper than its sample
    /// allows, or a tree that does not hold its sample.</exception>
    public static RandomCutTree Read(
        BinaryReader reader,
        string field,
        int dimensions,
        IReadOnlyList<SampledPoint> sample
    )
    {
        var root = reader.ReadFlag($"{field}.root")
            ? ReadNode(reader, $"{field}.root", dimensions, sample.Count, 0)
            : null;
        var tree = RandomCutTree.FromRoot(dimensions, root);
        var held = new Dictionary<RandomCutNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var point in sample)
        {
            var leaf = tree.LeafOf(point.Point);
            if (leaf is null || !leaf.Point!.AsSpan().SequenceEqual(point.Point))
            {
                throw new InvalidDataException(
                    $"payload field '{field}': expected a tree holding every sample point, received one that "
                        + $"misses the point of sequence index {point.SequenceIndex}"
                );
            }
            held[leaf] = held.GetValueOrDefault(leaf) + 1;
        }
        if (tree.Mass != sample.Count || held.Any(pair => pair.Key.Mass != pair.Value))
        {
            throw new InvalidDataException(
                $"payload field '{field}': expected leaf masses that count the {sample.Count} sample points, "
                    + $"received a tree of mass {tree.Mass}"
            );
        }
        return tree;
    }

    private static void WriteNode(BinaryWriter writer, RandomCutNode node)
    {
        if (node.IsLeaf)
        {
            writer.Write(LeafTag);
            writer.Write(node.Mass);
            foreach (double value in node.Point!)
                writer.Write(value);
            return;
        }
        writer.Write(InternalTag);
        writer.Write(node.Dimension);
        writer.Write(node.Cut);
        WriteNode(writer, node.Left!);
        WriteNode(writer, node.Right!);
    }

    private static RandomCutNode ReadNode(
        BinaryReader reader,
        string field,
        int dimensions,
        int samplePoints,
        int depth
    )
    {
        // A tree over n points has at most n - 1 internal nodes on a path: deeper files are refused before recursing
        // further.
        if (depth > samplePoints)
            throw ModelPayloadReader.Invalid(field, $"a depth of at most {samplePoints} (the sample's points)", depth);
        byte tag = reader.ReadByte();
        if (tag == LeafTag)
        {
            int mass = reader.ReadInt32($"{field}.mass", 1, Math.Max(1, samplePoints));
            return RandomCutNode.Leaf(reader.ReadFiniteArray(dimensions, $"{field}.point"), mass);
        }
        if (tag != InternalTag)
            throw ModelPayloadReader.Invalid($"{field}.tag", "0 (leaf) or 1 (internal node)", tag);
        int dimension = reader.ReadInt32($"{field}.dimension", 0, dimensions - 1);
        double cut = reader.ReadFinite($"{field}.cut");
        var left = ReadNode(reader, field + ".left", dimensions, samplePoints, depth + 1);
        var right = ReadNode(reader, field + ".right", dimensions, samplePoints, depth + 1);
        return RandomCutNode.Internal(dimension, cut, left, right);
    }
}
