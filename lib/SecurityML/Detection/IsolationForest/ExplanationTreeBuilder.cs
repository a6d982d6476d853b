using SecurityML.Explain;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Turns isolation trees into <see cref="ShapTree"/>s the way shap's <c>IsoTree</c> does: a leaf's value is its
/// depth + c(rows in it), an internal node's value the row-weighted mean of its children's, every value divided by
/// the number of trees; cover = the node's row count.
/// </summary>
internal static class ExplanationTreeBuilder
{
    public static ShapTree[] Build(IReadOnlyList<IsolationTree> trees) =>
        trees.Select(tree => Build(tree, 1.0 / trees.Count)).ToArray();

    private static ShapTree Build(IsolationTree tree, double scale)
    {
        int count = tree.NodeCount;
        var feature = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        var cover = new double[count];
        // Children come after their parents, so a backward pass sees both children before the parent.
        for (int node = count - 1; node >= 0; node--)
        {
            cover[node] = tree.SampleCount[node];
            if (tree.Feature[node] == IsolationTree.LeafFeature)
            {
                feature[node] = ShapTree.LeafFeature;
                value[node] = tree.PathLength[node];
                continue;
            }
            feature[node] = tree.Feature[node];
            threshold[node] = tree.Threshold[node];
            left[node] = tree.Left[node];
            right[node] = tree.Left[node] + 1;
            value[node] =
                ((value[left[node]] * cover[left[node]]) + (value[right[node]] * cover[right[node]])) / cover[node];
        }
        for (int node = 0; node < count; node++)
        {
            value[node] *= scale;
        }
        return new ShapTree(feature, threshold, left, right, value, cover);
    }
}
