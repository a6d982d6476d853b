using System.Globalization;
using System.Text.Json;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>Data for the isolation forest tests: seeded random rows and the committed scikit-learn reference.</summary>
internal static class IsolationForestTestData
{
    public static string ReferenceFolder =>
        Path.Combine(RepositoryPaths.Root, "tests", "SecurityML.Tests", "Detection", "IsolationForest", "Reference");

    /// <summary><paramref name="count"/> rows of standard-normal-ish values.</summary>
    public static double[][] RandomRows(int count, int features, int seed)
    {
        var random = new Random(seed);
        return Enumerable
            .Range(0, count)
            .Select(_ =>
                Enumerable
                    .Range(0, features)
                    .Select(_ => random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5)
                    .ToArray()
            )
            .ToArray();
    }

    /// <summary>The planted-outliers dataset: rows and labels (1 = planted outlier).</summary>
    public static (double[][] Rows, int[] Labels) PlantedOutliers()
    {
        var lines = File.ReadAllLines(Path.Combine(ReferenceFolder, "planted-outliers.csv")).Skip(1).ToArray();
        var values = lines
            .Select(line => line.Split(',').Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (values.Select(row => row[..4]).ToArray(), values.Select(row => (int)row[4]).ToArray());
    }

    /// <summary>The numbers scikit-learn 1.2.1 produced (see "producedBy" in the file).</summary>
    public static JsonElement ScikitLearnReference() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceFolder, "sklearn-reference.json"))).RootElement;

    /// <summary>ROC AUC of <paramref name="scores"/> (higher = positive) by the Mann–Whitney statistic, ties counting
    /// half.</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        double[] positives = scores.Where((_, index) => labels[index] == 1).ToArray();
        double[] negatives = scores.Where((_, index) => labels[index] == 0).ToArray();
        double wins = positives.Sum(p =>
            negatives.Sum(n =>
                p > n ? 1.0
                : p == n ? 0.5
                : 0.0
            )
        );
        return wins / (positives.Length * (double)negatives.Length);
    }
}
