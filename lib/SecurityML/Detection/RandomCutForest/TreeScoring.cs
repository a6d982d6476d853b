namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// The anomaly score and its attribution in one tree, with the semantics of random-cut-forest-by-aws's
/// <c>AnomalyScoreVisitor</c> and <c>AnomalyAttributionVisitor</c>: the expected collusive displacement of the point
/// over the random cut that would insert it. Walking from the leaf the point reaches back to the root, each node's
/// probability p of a cut separating the point from the node's box mixes in 1 / (depth + 1):
/// score ← p / (depth + 1) + (1 − p) score. At the leaf the score starts at 1 / (depth + 1), or, when the leaf holds
/// the point itself with mass m in a tree of mass M, at (1 − m / 2M) / (depth + log2(m + 1)). The result is multiplied
/// by log2(M + 1).
/// </summary>
internal static class TreeScoring
{
    /// <summary>The score of <paramref name="point"/> in <paramref name="tree"/>; 0 for an empty tree.</summary>
    public static double Score(RandomCutTree tree, double[] point) => Walk(tree, point, null, null);

    /// <summary>The score, adding each dimension's share to <paramref name="high"/> (the point lies above the box)
    /// and <paramref name="low"/> (below it); the shares added sum to the score returned.</summary>
    public static double Attribute(RandomCutTree tree, double[] point, double[] high, double[] low) =>
        Walk(tree, point, high, low);

    private static double Walk(RandomCutTree tree, double[] point, double[]? high, double[]? low)
    {
        if (tree.Root is null)
            return 0;
        var path = new List<RandomCutNode>(32);
        for (var node = tree.Root; ; node = node.Child(point))
        {
            path.Add(node);
            if (node.IsLeaf)
                break;
        }
        int dimensions = point.Length;
        var treeHigh = high is null ? null : new double[dimensions];
        var treeLow = low is null ? null : new double[dimensions];
        var leaf = path[^1];
        int leafDepth = path.Count - 1;
        double score;
        if (leaf.Point!.AsSpan().SequenceEqual(point))
        {
            score = (1.0 - leaf.Mass / (2.0 * tree.Mass)) / (leafDepth + Math.Log2(leaf.Mass + 1.0));
            // The point is inside every box above: nothing changes further up. No dimension stands out.
            if (treeHigh is not null)
            {
                Array.Fill(treeHigh, score / (2 * dimensions));
                Array.Fill(treeLow!, score / (2 * dimensions));
            }
        }
        else
        {
            score = 1.0 / (leafDepth + 1);
            Separation(leaf, point, treeHigh, treeLow, score);
            for (int depth = path.Count - 2; depth >= 0; depth--)
            {
                double probability = Separation(path[depth], point, null, null, 0);
                if (probability <= 0)
                    break;
                double unseen = 1.0 / (depth + 1);
                if (treeHigh is not null)
                {
                    Scale(treeHigh, treeLow!, 1 - probability);
                    Separation(path[depth], point, treeHigh, treeLow, unseen);
                }
                score = probability * unseen + (1 - probability) * score;
            }
        }
        double normalizer = Math.Log2(tree.Mass + 1.0);
        if (treeHigh is not null)
        {
            for (int index = 0; index < dimensions; index++)
            {
                high![index] += treeHigh[index] * normalizer;
                low![index] += treeLow![index] * normalizer;
            }
        }
        return score * normalizer;
    }

    /// <summary>The probability that a random cut of the node's box extended by the point separates them; with
    /// <paramref name="high"/>, adds <paramref name="weight"/> × each dimension's share of it (above and
    /// below).</summary>
    private static double Separation(RandomCutNode node, double[] point, double[]? high, double[]? low, double weight)
    {
        double extended = 0,
            gaps = 0;
        for (int index = 0; index < point.Length; index++)
        {
            double above = Math.Max(point[index] - node.Maximum[index], 0),
                below = Math.Max(node.Minimum[index] - point[index], 0);
            extended += node.Maximum[index] - node.Minimum[index] + above + below;
            gaps += above + below;
        }
        if (extended <= 0)
            return 0;
        if (high is not null)
        {
            for (int index = 0; index < point.Length; index++)
            {
                high[index] += weight * Math.Max(point[index] - node.Maximum[index], 0) / extended;
                low![index] += weight * Math.Max(node.Minimum[index] - point[index], 0) / extended;
            }
        }
        return gaps / extended;
    }

    private static void Scale(double[] high, double[] low, double factor)
    {
        for (int index = 0; index < high.Length; index++)
        {
            high[index] *= factor;
            low[index] *= factor;
        }
    }
}
