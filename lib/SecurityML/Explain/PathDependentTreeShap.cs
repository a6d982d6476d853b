namespace SecurityML.Explain;

/// <summary>
/// Exact Shapley values of a tree ensemble's output with path-dependent conditional expectations: Algorithm 2 of
/// Lundberg, Erion and Lee, "Consistent Individualized Feature Attribution for Tree Ensembles" (2018), as shap's
/// <c>TreeExplainer(feature_perturbation="tree_path_dependent")</c> computes it. The value of a feature subset S is
/// E[f(x) | x_S]: follow the row where the split feature is in S, else average both children by cover.
/// </summary>
/// <remarks>Local accuracy: <see cref="ExpectedValue"/> + Σ contributions = Σ over trees of the leaf value the row
/// reaches. Cost O(leaves × depth²) per tree and row.</remarks>
public static class PathDependentTreeShap
{
    /// <summary>The expected output: Σ over trees of the root value (the cover-weighted mean leaf value).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trees"/> is null.</exception>
    public static double ExpectedValue(IReadOnlyList<ShapTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return trees.Sum(tree => tree.Value[0]);
    }

    /// <summary>The contribution of each feature to Σ over trees of the output for <paramref name="row"/>.</summary>
    /// <param name="trees">The ensemble (outputs add up).</param>
    /// <param name="row">The row to explain; every split feature must be inside it.</param>
    /// <returns>One contribution per value of <paramref name="row"/>; 0 for features no tree splits on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trees"/> or <paramref name="row"/> is null.</exception>
    public static double[] Contributions(IReadOnlyList<ShapTree> trees, double[] row)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(row);
        var contributions = new double[row.Length];
        foreach (ShapTree tree in trees)
        {
            int depth = tree.MaximumDepth;
            var walker = new Walker(tree, row, contributions, new PathElement[(depth + 2) * (depth + 3) / 2]);
            walker.Recurse(0, 0, 0, 0, 1, 1, ShapTree.LeafFeature);
        }
        return contributions;
    }

    /// <summary>One element of the unique feature path: the feature, the fractions of paths that go through when it
    /// is absent (zero) or present (one), and the permutation weight.</summary>
    private struct PathElement
    {
        public int Feature;
        public double ZeroFraction;
        public double OneFraction;
        public double Weight;
    }

    private sealed class Walker(ShapTree tree, double[] row, double[] contributions, PathElement[] buffer)
    {
        /// <summary>Visits <paramref name="node"/> with the parent's path at <paramref name="parentOffset"/>.</summary>
        public void Recurse(
            int node,
            int parentOffset,
            int offset,
            int uniqueDepth,
            double zeroFraction,
            double oneFraction,
            int feature
        )
        {
            Array.Copy(buffer, parentOffset, buffer, offset, uniqueDepth + 1);
            Span<PathElement> path = buffer.AsSpan(offset);
            Extend(path, uniqueDepth, zeroFraction, oneFraction, feature);
            if (tree.IsLeaf(node))
            {
                for (int index = 1; index <= uniqueDepth; index++)
                {
                    double weight = UnwoundSum(path, uniqueDepth, index);
                    ref PathElement element = ref path[index];
                    contributions[element.Feature] +=
                        weight * (element.OneFraction - element.ZeroFraction) * tree.Value[node];
                }
                return;
            }
            int split = tree.Feature[node];
            int hot = tree.ChildOf(node, row);
            int cold = hot == tree.Left[node] ? tree.Right[node] : tree.Left[node];
            double incomingZero = 1,
                incomingOne = 1;
            int previous = 0;
            while (previous <= uniqueDepth && path[previous].Feature != split)
            {
                previous++;
            }
            if (previous <= uniqueDepth)
            {
                incomingZero = path[previous].ZeroFraction;
                incomingOne = path[previous].OneFraction;
                Unwind(path, uniqueDepth, previous);
                uniqueDepth--;
            }
            int childOffset = offset + uniqueDepth + 1;
            double cover = tree.Cover[node];
            Recurse(
                hot,
                offset,
                childOffset,
                uniqueDepth + 1,
                tree.Cover[hot] / cover * incomingZero,
                incomingOne,
                split
            );
            Recurse(cold, offset, childOffset, uniqueDepth + 1, tree.Cover[cold] / cover * incomingZero, 0, split);
        }
    }

    /// <summary>Adds a feature to the path and updates the permutation weights (EXTEND).</summary>
    private static void Extend(
        Span<PathElement> path,
        int uniqueDepth,
        double zeroFraction,
        double oneFraction,
        int feature
    )
    {
        path[uniqueDepth] = new PathElement
        {
            Feature = feature,
            ZeroFraction = zeroFraction,
            OneFraction = oneFraction,
            Weight = uniqueDepth == 0 ? 1.0 : 0.0,
        };
        for (int index = uniqueDepth - 1; index >= 0; index--)
        {
            path[index + 1].Weight += oneFraction * path[index].Weight * (index + 1) / (uniqueDepth + 1);
            path[index].Weight = zeroFraction * path[index].Weight * (uniqueDepth - index) / (uniqueDepth + 1);
        }
    }

    /// <summary>Removes the feature at <paramref name="pathIndex"/> from the path, undoing its EXTEND
    /// (UNWIND).</summary>
    private static void Unwind(Span<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double nextOnePortion = path[uniqueDepth].Weight;
        for (int index = uniqueDepth - 1; index >= 0; index--)
        {
            if (oneFraction != 0)
            {
                double weight = path[index].Weight;
                path[index].Weight = nextOnePortion * (uniqueDepth + 1) / ((index + 1) * oneFraction);
                nextOnePortion =
                    weight - (path[index].Weight * zeroFraction * (uniqueDepth - index) / (uniqueDepth + 1));
            }
            else
            {
                path[index].Weight = path[index].Weight * (uniqueDepth + 1) / (zeroFraction * (uniqueDepth - index));
            }
        }
        for (int index = pathIndex; index < uniqueDepth; index++)
        {
            path[index].Feature = path[index + 1].Feature;
            path[index].ZeroFraction = path[index + 1].ZeroFraction;
            path[index].OneFraction = path[index + 1].OneFraction;
        }
    }

    /// <summary>The total permutation weight of the path without the element at <paramref name="pathIndex"/>,
    /// without changing the path.</summary>
    private static double UnwoundSum(Span<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double nextOnePortion = path[uniqueDepth].Weight;
        double total = 0;
        for (int index = uniqueDepth - 1; index >= 0; index--)
        {
            if (oneFraction != 0)
            {
                double weight = nextOnePortion * (uniqueDepth + 1) / ((index + 1) * oneFraction);
                total += weight;
                nextOnePortion =
                    path[index].Weight - (weight * zeroFraction * (uniqueDepth - index) / (uniqueDepth + 1));
            }
            else if (zeroFraction != 0)
            {
                total += path[index].Weight / zeroFraction / ((double)(uniqueDepth - index) / (uniqueDepth + 1));
            }
        }
        return total;
    }
}
