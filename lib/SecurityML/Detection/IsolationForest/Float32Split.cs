namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// scikit-learn's trees compare <c>float32(x) ≤ threshold</c>: they round every input to float32 first (the tree
/// dtype), while the threshold stays a double. <see cref="Threshold"/> gives the double threshold t′ with
/// <c>x ≤ t′ ⟺ float32(x) ≤ t</c> for every double x, so a tree walked with double rows (as
/// <see cref="IsolationTree"/> is) sends every row the way scikit-learn does.
/// </summary>
internal static class Float32Split
{
    /// <summary>Half the float32 gap above <see cref="float.MaxValue"/> (2^103): values from MaxValue + 2^103 up
    /// round to +∞.</summary>
    private static readonly double HalfGapAboveMaximum = Math.ScaleB(1.0, 103);

    /// <summary>The largest double whose float32 rounding (to nearest, ties to even, as numpy's <c>astype</c> and
    /// C#'s cast) is ≤ <paramref name="threshold"/>; <paramref name="threshold"/> itself when it is not finite or
    /// below −<see cref="float.MaxValue"/> (no finite float32 lies below it).</summary>
    public static double Threshold(double threshold)
    {
        if (!double.IsFinite(threshold) || threshold < -float.MaxValue)
        {
            return threshold;
        }
        // The largest float32 ≤ threshold.
        float below = threshold >= float.MaxValue ? float.MaxValue : (float)threshold;
        if (below > threshold)
        {
            below = MathF.BitDecrement(below);
        }
        double next = below == float.MaxValue ? float.MaxValue + (2 * HalfGapAboveMaximum) : MathF.BitIncrement(below);
        // Exact in double: float32 values have 24-bit significands.
        double midpoint = (below + next) / 2;
        return (float)midpoint == below ? midpoint : Math.BitDecrement(midpoint);
    }
}
