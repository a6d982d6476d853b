namespace SecurityML.Detection.Baseline;

/// <summary>One entity's learned median, MAD and observation count.</summary>
/// <param name="Median">The median (mean of the middle two for an even count).</param>
/// <param name="MedianAbsoluteDeviation">The median of |x − median|, unscaled.</param>
/// <param name="Count">Observations (NaN excluded).</param>
public sealed record EntityBaseline(double Median, double MedianAbsoluteDeviation, int Count)
{
    /// <summary>The baseline of <paramref name="values"/> (at least one).</summary>
    public static EntityBaseline Of(IReadOnlyCollection<double> values)
    {
        double median = MedianOf(values);
        return new EntityBaseline(
            median,
            MedianOf(values.Select(value => Math.Abs(value - median)).ToArray()),
            values.Count
        );
    }

    private static double MedianOf(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
