using System.Text.Json;
using SecurityML.Detection.IsolationForest;
using SecurityML.Numerics;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>
/// Exact agreement given the same trees: a scikit-learn 1.2.1 forest (Reference/sklearn-forest.json, exported by a
/// throwaway script: 12 trees, max_samples 64, max_features 3, contamination 0.05, grown on planted-outliers.csv)
/// imported with <see cref="IsolationTree.FromArrays"/> scores as scikit-learn did, and the contamination
/// percentile of its training scores is scikit-learn's offset_.
/// </summary>
public sealed class ScikitLearnForestImportTests
{
    private static readonly JsonElement Forest = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(IsolationForestTestData.ReferenceFolder, "sklearn-forest.json")))
        .RootElement;

    private static readonly double[][] Rows = IsolationForestTestData.PlantedOutliers().Rows;

    private static IsolationForestModel Import() =>
        IsolationForestModel.FromTrees(
            Forest
                .GetProperty("trees")
                .EnumerateArray()
                .Select(tree =>
                    IsolationTree.FromArrays(
                        Ints(tree, "feature"),
                        Doubles(tree, "threshold"),
                        Ints(tree, "left"),
                        Ints(tree, "right"),
                        Ints(tree, "sampleCount")
                    )
                )
                .ToList(),
            ["x0", "x1", "x2", "x3"],
            Forest.GetProperty("maxSamples").GetInt32(),
            Forest.GetProperty("offset").GetDouble()
        );

    [Fact]
    public void Score_samples_of_an_imported_scikit_learn_forest_equal_scikit_learns()
    {
        var model = Import();
        int[] rows = Ints(Forest, "rows");
        double[] expected = Doubles(Forest, "scoreSamples");

        double[] actual = model.ScoreSamples(rows.Select(row => Rows[row]).ToList());

        for (int index = 0; index < rows.Length; index++)
        {
            actual[index].Should().BeApproximately(expected[index], 1e-14, $"row {rows[index]}");
        }
    }

    [Fact]
    public void The_contamination_percentile_of_the_training_scores_is_scikit_learns_offset()
    {
        var model = Import();
        double[] training = model.ScoreSamples(Rows);

        training
            .Should()
            .Equal(Doubles(Forest, "trainingScoreSamples"), (ours, theirs) => Math.Abs(ours - theirs) < 1e-14);
        Percentile
            .Linear(training, 100.0 * 0.05)
            .Should()
            .BeApproximately(Forest.GetProperty("offset").GetDouble(), 1e-14);
    }

    [Fact]
    public void Explanations_of_an_imported_forest_are_locally_accurate()
    {
        var model = Import();

        var explanation = model.Explain(Rows[0]);

        (explanation.BaseValue + explanation.Contributions.Sum(c => c.Contribution))
            .Should()
            .BeApproximately(model.MeanPathLengths([Rows[0]])[0], 1e-9);
    }

    [Fact]
    public void Malformed_trees_are_rejected()
    {
        FluentActions
            .Invoking(() => IsolationTree.FromArrays([0, -1, -1], [0.5, 0, 0], [1, -1, -1], [1, -1, -1], [2, 1, 1]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*child 1 of node 0*");
    }

    private static int[] Ints(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(value => value.GetInt32()).ToArray();

    private static double[] Doubles(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(value => value.GetDouble()).ToArray();
}
