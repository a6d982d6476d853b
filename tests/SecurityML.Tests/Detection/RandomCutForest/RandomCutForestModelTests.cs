using SecurityML.Detection;
using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>The model contract of the random cut forest: threshold, detection, files, options and bad input.</summary>
public sealed class RandomCutForestModelTests
{
    private static readonly double[][] Rows = RandomCutForestTestData.NormalRows(300, 3, seed: 5);

    private static RandomCutForestModel Model() =>
        new RandomCutForestDetector(
            new RandomCutForestOptions { NumberOfTrees = 25, SampleSize = 64 },
            ["a", "b", "c"]
        ).Fit(Rows);

    [Fact]
    public void A_fitted_model_alerts_above_the_99th_training_percentile_and_detect_needs_a_threshold()
    {
        var fitted = Model();
        var model = fitted.WithCard(fitted.Card with { Threshold = null, ThresholdMethod = null });
        double[][] items =
        [
            [0, 0, 0],
            [9, 9, 9],
        ];
        var training = fitted.Score(Rows).Order().ToArray();
        double rank = 0.99 * (training.Length - 1);
        double percentile = training[(int)rank] + (rank - (int)rank) * (training[(int)rank + 1] - training[(int)rank]);

        fitted.Card.Threshold.Should().BeApproximately(percentile, 1e-12);
        fitted.ThresholdMethod.Should().Contain("99th percentile");
        FluentActions
            .Invoking(() => model.Detect(items))
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage("*RandomCutForest*threshold*");
        var tuned = model.WithThreshold(2.0, "fpr=0.01 on labelled demo data");

        tuned.Detect(items).Should().Equal(false, true);
        tuned.Card.Threshold.Should().Be(2.0);
        tuned.ThresholdMethod.Should().Be("fpr=0.01 on labelled demo data");
        model.Card.Threshold.Should().BeNull("the original model is unchanged");
        FluentActions
            .Invoking(() => model.WithThreshold(double.NaN, "x"))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("threshold");
    }

    [Fact]
    public void A_saved_model_loads_from_a_path_with_its_card_and_streams_on_exactly_as_the_original()
    {
        using var folder = new TemporaryFolder();
        var model = Model().WithThreshold(1.7, "alert budget 20/day");
        var path = folder.File("rcf.model");
        var next = RandomCutForestTestData.NormalRows(50, 3, seed: 6);

        model.Save(path);
        var loaded = RandomCutForestModel.Load(path);

        loaded.Card.Threshold.Should().Be(1.7);
        loaded.ThresholdMethod.Should().Be("alert budget 20/day");
        loaded.Updates.Should().Be(Rows.Length);
        loaded.ScoreAndUpdate(next).Scores.Should().Equal(model.ScoreAndUpdate(next).Scores);
        loaded
            .Explain(next[0])
            .Contributions.Select(c => c.Contribution)
            .Should()
            .Equal(model.Explain(next[0]).Contributions.Select(c => c.Contribution));
        File.Exists(path + ".tmp").Should().BeFalse();
    }

    [Fact]
    public void Another_kind_of_model_file_is_refused_naming_both_kinds()
    {
        using var stream = new MemoryStream();
        new SecurityML.Detection.IsolationForest.IsolationForestDetector(new() { NumberOfTrees = 5 })
            .Fit(Rows)
            .Save(stream);
        stream.Position = 0;

        FluentActions
            .Invoking(() => RandomCutForestModel.Load(stream, "other.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("other.model: expected a RandomCutForest model, received a IsolationForest model*");
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_range_and_the_value()
    {
        FluentActions
            .Invoking(() => new RandomCutForestDetector(new RandomCutForestOptions { SampleSize = 1 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("SampleSize")
            .WithMessage("Expected SampleSize ≥ 2, received 1.*");
        FluentActions
            .Invoking(() => new RandomCutForestDetector(new RandomCutForestOptions { TimeDecay = -0.5 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("TimeDecay");
        FluentActions
            .Invoking(() => new RandomCutForestDetector(new RandomCutForestOptions { ShingleSize = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("ShingleSize");
    }

    [Fact]
    public void Bad_rows_are_named_and_non_finite_rows_score_NaN_but_cannot_be_streamed()
    {
        var model = Model();

        FluentActions
            .Invoking(() =>
                model.Score([
                    [1, 2, 3],
                    [1, 2],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 3 features in row 1, received 2.*");
        model
            .Score([
                [double.NaN, 0, 0],
            ])[0]
            .Should()
            .Be(double.NaN);
        FluentActions
            .Invoking(() =>
                model.ScoreAndUpdate([
                    [0, 0, 0],
                    [0, double.PositiveInfinity, 0],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*row 1*");
        FluentActions
            .Invoking(() => new RandomCutForestDetector(new RandomCutForestOptions { ShingleSize = 2 }).Fit(Rows))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*multiple of the shingle size 2*");
    }

    [Fact]
    public void Parallel_and_serial_runs_give_the_same_forest()
    {
        var serial = new RandomCutForestDetector(
            new RandomCutForestOptions
            {
                NumberOfTrees = 25,
                SampleSize = 64,
                MaximumDegreeOfParallelism = 1,
            }
        ).Fit(Rows);
        var parallel = new RandomCutForestDetector(
            new RandomCutForestOptions { NumberOfTrees = 25, SampleSize = 64 }
        ).Fit(Rows);

        parallel.Score(Rows).Should().Equal(serial.Score(Rows));
    }

    [Fact]
    public void Shingles_join_consecutive_rows_oldest_first()
    {
        var points = Shingles.Of(
            [
                [1, 10],
                [2, 20],
                [3, 30],
            ],
            2
        );

        points.Should().HaveCount(2);
        points[0].Should().Equal(1, 10, 2, 20);
        points[1].Should().Equal(2, 20, 3, 30);
        Shingles
            .Of(
                [
                    [1.0],
                ],
                3
            )
            .Should()
            .BeEmpty();
        Shingles.Names(["a", "b"], 2).Should().Equal("a[t-1]", "b[t-1]", "a[t-0]", "b[t-0]");
    }
}
