namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// c(n), the average path length of an unsuccessful search in a binary search tree of n items: the expected depth
/// still to go in a leaf that holds n training rows (Liu, Ting and Zhou 2008, eq. 1; scikit-learn's
/// <c>_average_path_length</c>).
/// </summary>
public static class AveragePathLength
{
    /// <summary>The Euler–Mascheroni constant γ.</summary>
    public const double EulerGamma = 0.57721566490153286060651209;

    /// <summary>c(n): 0 for n ≤ 1, 1 for n = 2, else 2(ln(n − 1) + γ) − 2(n − 1)/n.</summary>
    /// <param name="sampleCount">The number of rows n (any value; ≤ 1 gives 0).</param>
    public static double Of(double sampleCount)
    {
        if (sampleCount <= 1)
        {
            return 0.0;
        }
        if (sampleCount == 2)
        {
            return 1.0;
        }
        return (2.0 * (Math.Log(sampleCount - 1.0) + EulerGamma)) - (2.0 * (sampleCount - 1.0) / sampleCount);
    }

    /// <summary>The height limit of a tree grown on <paramref name="maximumSamples"/> rows:
    /// ceil(log2(max(<paramref name="maximumSamples"/>, 2))), as scikit-learn.</summary>
    public static int HeightLimit(int maximumSamples) => (int)Math.Ceiling(Math.Log2(Math.Max(maximumSamples, 2)));
}
