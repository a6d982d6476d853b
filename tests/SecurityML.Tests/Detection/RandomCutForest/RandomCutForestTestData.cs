namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>Seeded test data for the random cut forest tests.</summary>
internal static class RandomCutForestTestData
{
    /// <summary>Rows of independent standard normal values (Box–Muller over a seeded <see cref="Random"/>).</summary>
    public static double[][] NormalRows(int count, int features, int seed)
    {
        var random = new Random(seed);
        return Enumerable
            .Range(0, count)
            .Select(_ => Enumerable.Range(0, features).Select(_ => Normal(random)).ToArray())
            .ToArray();
    }

    /// <summary>A sine series with period <paramref name="period"/>, one value per row.</summary>
    public static double[][] Sine(int count, int period, double amplitude = 10) =>
        Enumerable.Range(0, count).Select(t => new[] { amplitude * Math.Sin(2 * Math.PI * t / period) }).ToArray();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
