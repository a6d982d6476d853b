namespace SecurityML.Numerics;

/// <summary>Percentiles as numpy's <c>np.percentile</c> with its default linear interpolation.</summary>
public static class Percentile
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile of <paramref name="values"/>: sort, take rank
    /// r = (n − 1) × (percent/100), and interpolate linearly between the values a, b at floor(r) and ceil(r) with
    /// t = r − floor(r), as numpy does it (a + (b − a)t for t &lt; 0.5, b − (b − a)(1 − t) otherwise), so that results
    /// agree to the last bit.
    /// </summary>
    /// <param name="values">The values (not modified); at least one, none NaN.</param>
    /// <param name="percent">In [0, 100].</param>
    /// <exception cref="ArgumentException">No values, or a NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100].</exception>
    public static double Linear(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(percent >= 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(
                nameof(percent),
                percent,
                $"Expected a percent in [0, 100], received {percent}."
            );
        }
        if (values.Count == 0 || values.Any(double.IsNaN))
        {
            throw new ArgumentException("Expected at least one value and no NaN.", nameof(values));
        }
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        double rank = (sorted.Length - 1) * (percent / 100.0);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = rank - below;
        double difference = sorted[above] - sorted[below];
        return fraction >= 0.5
            ? sorted[above] - (difference * (1 - fraction))
            : sorted[below] + (difference * fraction);
    }
}
