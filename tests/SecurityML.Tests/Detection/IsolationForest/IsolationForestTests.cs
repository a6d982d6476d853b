using SecurityML.Detection.IsolationForest;
using SecurityML.Numerics;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>scikit-learn's IsolationForest semantics: sizes, height limit, tree structure, score ladder,
/// offset.</summary>
public sealed class IsolationForestTests
{
    private static readonly double[][] Training = IsolationForestTestData.RandomRows(500, 4, seed: 11);

    [Theory]
    [InlineData(1000, 256)]
    [InlineData(100, 100)]
    [InlineData(1, 1)]
    public void Auto_max_samples_is_min_of_256_and_rows(int rows, int expected)
    {
        SubsetSize.Auto.Resolve(rows).Should().Be(expected);
    }

    [Fact]
    public void Counts_are_clipped_to_the_rows_and_fractions_round_down()
    {
        SubsetSize.Of(300).Resolve(100).Should().Be(100);
        SubsetSize.Of(30).Resolve(100).Should().Be(30);
        SubsetSize.OfFraction(0.25).Resolve(101).Should().Be(25);
        SubsetSize.All.Resolve(7).Should().Be(7);
    }

    [Theory]
    [InlineData(256, 8)]
    [InlineData(257, 9)]
    [InlineData(100, 7)]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    public void Height_limit_is_ceil_log2_of_max_samples_at_least_two(int maximumSamples, int expected)
    {
        AveragePathLength.HeightLimit(maximumSamples).Should().Be(expected);
    }

    [Fact]
    public void Trees_grow_on_max_samples_rows_to_at_most_the_height_limit_and_leaves_are_isolated_or_at_the_limit()
    {
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 10, MaximumSamples = SubsetSize.Of(64) }
        ).Fit(Training);

        model.MaximumSamples.Should().Be(64);
        foreach (IsolationTree tree in model.Trees)
        {
            tree.SampleCount[0].Should().Be(64);
            tree.Depth.Max().Should().BeLessThanOrEqualTo(6);
            for (int node = 0; node < tree.NodeCount; node++)
            {
                if (tree.Feature[node] == IsolationTree.LeafFeature)
                {
                    (tree.SampleCount[node] == 1 || tree.Depth[node] == 6).Should().BeTrue();
                    tree.PathLength[node].Should().Be(tree.Depth[node] + AveragePathLength.Of(tree.SampleCount[node]));
                }
                else
                {
                    (tree.SampleCount[tree.Left[node]] + tree.SampleCount[tree.Left[node] + 1])
                        .Should()
                        .Be(tree.SampleCount[node]);
                }
            }
        }
    }

    [Fact]
    public void Score_samples_is_minus_two_to_the_minus_mean_path_over_c_of_max_samples_and_the_ladder_follows()
    {
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 25, Contamination = 0.1 }
        ).Fit(Training);
        double[][] rows = IsolationForestTestData.RandomRows(50, 4, seed: 12);

        double[] paths = rows.Select(row => model.Trees.Average(tree => tree.PathLengthOf(row))).ToArray();
        double[] scoreSamples = model.ScoreSamples(rows);
        double[] decision = model.DecisionFunction(rows);
        for (int index = 0; index < rows.Length; index++)
        {
            scoreSamples[index]
                .Should()
                .BeApproximately(-Math.Pow(2, -paths[index] / AveragePathLength.Of(256)), 1e-12);
            decision[index].Should().Be(scoreSamples[index] - model.Offset);
        }
        model.Score(rows).Should().Equal(scoreSamples.Select(value => -value));
        model.Predict(rows).Should().Equal(decision.Select(value => value < 0 ? -1 : 1));
        model
            .Card.Threshold.Should()
            .Be(Math.BitIncrement(-model.Offset), "the next double above −offset, so that Detect = Predict −1");
        model.Detect(rows).Should().Equal(model.Predict(rows).Select(label => label == -1));
    }

    [Fact]
    public void Offset_is_the_contamination_percentile_of_the_training_scores()
    {
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 30, Contamination = 0.05 }
        ).Fit(Training);
        double[] training = model.ScoreSamples(Training);

        model.Offset.Should().Be(Percentile.Linear(training, 5.0));
        model
            .Predict(Training)
            .Count(value => value == -1)
            .Should()
            .Be(25, "5 % of 500 rows lie strictly below the 5th percentile");
    }

    [Fact]
    public void Auto_contamination_gives_offset_minus_one_half()
    {
        new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 5 })
            .Fit(Training)
            .Offset.Should()
            .Be(-0.5);
    }

    [Fact]
    public void The_model_does_not_depend_on_the_degree_of_parallelism()
    {
        IsolationForestModel Fit(int threads) =>
            new IsolationForestDetector(
                new IsolationForestOptions
                {
                    NumberOfTrees = 40,
                    Contamination = 0.02,
                    MaximumDegreeOfParallelism = threads,
                    MaximumFeatures = SubsetSize.Of(3),
                }
            ).Fit(Training);

        var sequential = Fit(1);
        var parallel = Fit(8);

        parallel.ScoreSamples(Training).Should().Equal(sequential.ScoreSamples(Training));
        parallel.Offset.Should().Be(sequential.Offset);
    }

    [Fact]
    public void Another_seed_gives_another_forest()
    {
        var first = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 10, Seed = 1 }).Fit(
            Training
        );
        var second = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 10, Seed = 2 }).Fit(
            Training
        );

        second.ScoreSamples(Training).Should().NotEqual(first.ScoreSamples(Training));
    }

    [Fact]
    public void Max_features_restricts_each_tree_to_its_drawn_columns()
    {
        var model = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 20, MaximumFeatures = SubsetSize.Of(1) }
        ).Fit(Training);

        foreach (IsolationTree tree in model.Trees)
        {
            tree.Feature.Where(feature => feature >= 0).Distinct().Should().HaveCountLessThanOrEqualTo(1);
        }
        model
            .Trees.SelectMany(tree => tree.Feature)
            .Where(feature => feature >= 0)
            .Distinct()
            .Should()
            .HaveCountGreaterThan(1);
    }

    [Fact]
    public void One_training_row_scores_minus_one_half_as_scikit_learn()
    {
        var model = new IsolationForestDetector().Fit([
            [1.0, 2.0],
        ]);

        model
            .ScoreSamples([
                [1.0, 2.0],
                [100.0, -3.0],
            ])
            .Should()
            .Equal(-0.5, -0.5);
    }

    [Fact]
    public void Constant_training_data_gives_single_leaf_trees()
    {
        double[][] constant = Enumerable.Repeat(new[] { 3.0, 3.0 }, 50).ToArray();

        var model = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 3 }).Fit(constant);

        model.Trees.Should().OnlyContain(tree => tree.NodeCount == 1);
        model
            .ScoreSamples([
                [3.0, 3.0],
            ])[0]
            .Should()
            .BeApproximately(-0.5, 1e-15, "c(50) / c(50) = 1");
    }

    [Fact]
    public void Rows_with_non_finite_values_score_NaN_and_predict_zero()
    {
        var model = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 5 }).Fit(Training);

        model
            .Score([
                [double.NaN, 0, 0, 0],
                [0, 0, 0, 0],
            ])[0]
            .Should()
            .Be(double.NaN);
        model
            .Predict([
                [double.NaN, 0, 0, 0],
            ])
            .Should()
            .Equal(0);
    }

    [Fact]
    public void Misuse_is_rejected_with_parameter_range_and_value()
    {
        FluentActions
            .Invoking(() => new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("NumberOfTrees")
            .WithMessage("*≥ 1*received 0*");
        FluentActions
            .Invoking(() => new IsolationForestDetector(new IsolationForestOptions { Contamination = 0.6 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("Contamination")
            .WithMessage("*(0, 0.5]*received 0.6*");
        FluentActions
            .Invoking(() => SubsetSize.OfFraction(1.5))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*(0, 1]*1.5*");
        FluentActions
            .Invoking(() =>
                new IsolationForestDetector().Fit([
                    [1.0, 2.0],
                    [1.0],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("*2 features in row 1, received 1*");
        FluentActions
            .Invoking(() =>
                new IsolationForestDetector().Fit([
                    [1.0, double.PositiveInfinity],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*row 0, column 1*");
        var model = new IsolationForestDetector(new IsolationForestOptions { NumberOfTrees = 2 }).Fit(Training);
        FluentActions
            .Invoking(() =>
                model.Score([
                    [1.0, 2.0],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("items")
            .WithMessage("*4 features in row 0, received 2*");
        FluentActions
            .Invoking(() => new IsolationForestDetector(featureNames: ["a"]).Fit(Training))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*4 feature names*received 1*");
    }

    [Fact]
    public void The_documented_example_runs_as_written()
    {
        // The <example> of IsolationForestDetector, line for line.
        double[][] rows =
        [
            [-1.1],
            [0.3],
            [0.5],
            [100],
        ];
        var model = new IsolationForestDetector(new IsolationForestOptions { Seed = 0 }).Fit(rows);
        double[] scores = model.Score(rows);

        scores.Max().Should().Be(scores[3], "100 is the outlier the example says scores highest");
        scores.Should().OnlyContain(score => score > 0 && score <= 1);
    }
}
