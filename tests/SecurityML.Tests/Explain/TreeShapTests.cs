using SecurityML.Detection.IsolationForest;
using SecurityML.Explain;
using SecurityML.Tests.Detection.IsolationForest;

namespace SecurityML.Tests.Explain;

/// <summary>Path-dependent TreeSHAP: hand-worked trees, local accuracy, and exact Shapley values by brute
/// force.</summary>
public sealed class TreeShapTests
{
    [Fact]
    public void A_single_split_gives_the_feature_the_difference_from_the_mean()
    {
        // Root splits feature 1 at 0.5; left leaf 10 (cover 3), right leaf 20 (cover 1): expected value 12.5.
        var tree = new ShapTree([1, -1, -1], [0.5, 0, 0], [1, 0, 0], [2, 0, 0], [12.5, 10, 20], [4, 3, 1]);

        PathDependentTreeShap.ExpectedValue([tree]).Should().Be(12.5);
        PathDependentTreeShap.Contributions([tree], [0, 1]).Should().Equal(0, 7.5);
        PathDependentTreeShap.Contributions([tree], [9, 0]).Should().Equal(0, -2.5);
    }

    [Fact]
    public void Two_features_on_one_path_share_as_Shapley_says()
    {
        // f = 1 when x0 > 0 and x1 > 0 (covers halve at each split): E = 1/4; at (1, 1) each feature gets 3/8.
        var tree = new ShapTree(
            [0, -1, 1, -1, -1],
            [0, 0, 0, 0, 0],
            [1, 0, 3, 0, 0],
            [2, 0, 4, 0, 0],
            [0.25, 0, 0.5, 0, 1],
            [4, 2, 2, 1, 1]
        );

        PathDependentTreeShap.Contributions([tree], [1, 1]).Should().Equal(0.375, 0.375);
    }

    [Fact]
    public void Local_accuracy_holds_on_a_fitted_forest_within_1e_minus_9()
    {
        double[][] training = IsolationForestTestData.RandomRows(400, 5, seed: 21);
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 50, MaximumFeatures = SubsetSize.Of(4) }
        ).Fit(training);
        double[][] rows = [.. IsolationForestTestData.RandomRows(30, 5, seed: 22), [4, -4, 4, -4, 4]];
        double[] meanPaths = model.MeanPathLengths(rows);

        for (int index = 0; index < rows.Length; index++)
        {
            var explanation = model.Explain(rows[index]);
            explanation.Output.Should().BeApproximately(meanPaths[index], 1e-12);
            (explanation.BaseValue + explanation.Contributions.Sum(c => c.Contribution))
                .Should()
                .BeApproximately(meanPaths[index], 1e-9);
            explanation.AnomalousDirection.Should().Be(-1);
        }
        model
            .ExpectedPathLength.Should()
            .BeApproximately(
                model.MeanPathLengths(training).Average(),
                0.5,
                "the base value is the mean path length over the trees' subsamples, close to the training mean"
            );
    }

    [Fact]
    public void Contributions_equal_brute_force_Shapley_values_over_all_subsets()
    {
        double[][] training = IsolationForestTestData.RandomRows(60, 4, seed: 31);
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 3, MaximumSamples = SubsetSize.Of(16) }
        ).Fit(training);
        double[][] rows = [.. IsolationForestTestData.RandomRows(8, 4, seed: 32), [3, -3, 0, 3]];

        foreach (double[] row in rows)
        {
            double[] expected = BruteForceShapley.Values(model.ExplanationTrees, row);
            double[] actual = PathDependentTreeShap.Contributions(model.ExplanationTrees, row);
            for (int feature = 0; feature < row.Length; feature++)
            {
                actual[feature].Should().BeApproximately(expected[feature], 1e-9, $"feature {feature}");
            }
        }
    }

    [Fact]
    public void The_most_anomalous_row_is_pushed_towards_anomalous_by_its_contributions()
    {
        double[][] training = IsolationForestTestData.RandomRows(300, 3, seed: 41);
        var model = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 60 }).Fit(training);

        var explanation = model.Explain([6, 0, 0]);

        explanation.Contributions[0].Contribution.Should().BeLessThan(0);
        explanation.Contributions.MinBy(c => c.Contribution)!.Feature.Should().Be("f0");
        explanation.Output.Should().BeLessThan(explanation.BaseValue);
    }
}
