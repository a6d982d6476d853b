using SecurityML.Explain;

namespace SecurityML.Tests.Explain;

/// <summary>
/// Shapley values by definition: φ_i = Σ over S ⊆ F∖{i} of |S|!(M−|S|−1)!/M! (v(S ∪ {i}) − v(S)), with the
/// path-dependent value v(S) = E[f(x) | x_S]: at a split on a feature in S follow the row, otherwise average the
/// children weighted by cover. Exponential; for tiny forests only.
/// </summary>
internal static class BruteForceShapley
{
    public static double[] Values(IReadOnlyList<ShapTree> trees, double[] row)
    {
        int features = row.Length;
        var values = new double[features];
        for (int feature = 0; feature < features; feature++)
        {
            for (int subset = 0; subset < 1 << features; subset++)
            {
                if ((subset & (1 << feature)) != 0)
                {
                    continue;
                }
                int size = System.Numerics.BitOperations.PopCount((uint)subset);
                double weight = Factorial(size) * Factorial(features - size - 1) / Factorial(features);
                values[feature] += weight * (Value(trees, row, subset | (1 << feature)) - Value(trees, row, subset));
            }
        }
        return values;
    }

    private static double Value(IReadOnlyList<ShapTree> trees, double[] row, int subset) =>
        trees.Sum(tree => Expectation(tree, 0, row, subset));

    private static double Expectation(ShapTree tree, int node, double[] row, int subset)
    {
        if (tree.IsLeaf(node))
        {
            return tree.Value[node];
        }
        if ((subset & (1 << tree.Feature[node])) != 0)
        {
            return Expectation(tree, tree.ChildOf(node, row), row, subset);
        }
        int left = tree.Left[node],
            right = tree.Right[node];
        return (
                (tree.Cover[left] * Expectation(tree, left, row, subset))
                + (tree.Cover[right] * Expectation(tree, right, row, subset))
            ) / tree.Cover[node];
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
