using System.Globalization;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// Shingling for random cut forests (Guha et al. 2016, section 4; Amazon's <c>shingleSize</c>): a point at time t is
/// the rows t − s + 1 … t of one series joined end to end, oldest first, so that the forest sees the recent shape of
/// the series, not only its current level.
/// </summary>
public static class Shingles
{
    /// <summary>The shingled points of one series: point i joins rows i … i + s − 1 (i from 0 to Count − s), so the
    /// first point ends at row s − 1. A shingle size of 1 copies the rows.</summary>
    /// <param name="series">The rows of one entity, in time order, all of one length.</param>
    /// <param name="shingleSize">s, ≥ 1.</param>
    /// <returns>Count − s + 1 points of s × row length values (none when the series is shorter than s).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shingleSize"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A row is null or of another length, naming its index.</exception>
    public static double[][] Of(IReadOnlyList<double[]> series, int shingleSize)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        if (series.Count == 0)
            return [];
        int width = (
            series[0] ?? throw new ArgumentException("Expected a row at index 0, received null.", nameof(series))
        ).Length;
        for (int index = 0; index < series.Count; index++)
        {
            if (series[index] is null || series[index].Length != width)
            {
                throw new ArgumentException(
                    $"Expected {width} values in row {index}, received "
                        + $"{series[index]?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}.",
                    nameof(series)
                );
            }
        }
        var points = new double[Math.Max(0, series.Count - shingleSize + 1)][];
        for (int point = 0; point < points.Length; point++)
        {
            points[point] = new double[width * shingleSize];
            for (int step = 0; step < shingleSize; step++)
            {
                Array.Copy(series[point + step], 0, points[point], step * width, width);
            }
        }
        return points;
    }

    /// <summary>The names of a shingled point's values: <c>name[t-k]</c> for k = s − 1 … 0 (oldest first); the names
    /// unchanged when s = 1.</summary>
    public static string[] Names(IReadOnlyList<string> names, int shingleSize)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        if (shingleSize == 1)
            return names.ToArray();
        return Enumerable
            .Range(0, shingleSize)
            .SelectMany(step =>
                names.Select(name => string.Create(CultureInfo.InvariantCulture, $"{name}[t-{shingleSize - 1 - step}]"))
            )
            .ToArray();
    }
}
