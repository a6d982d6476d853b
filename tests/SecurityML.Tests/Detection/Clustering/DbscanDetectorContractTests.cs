using SecurityML.Detection;
using SecurityML.Detection.Clustering;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>The shared detector contract for <see cref="DbscanDetector"/>, plus its own scoring rules.</summary>
public sealed class DbscanDetectorContractTests : DetectorContractTests<IReadOnlyList<double>, DbscanModel>
{
    private static readonly DbscanOptions Options = new()
    {
        MaximumDistance = 0.6,
        MinimumSamples = 3,
        NormalizeRows = false,
    };

    protected override IAnomalyDetector<IReadOnlyList<double>, DbscanModel> CreateDetector() =>
        new DbscanDetector(Options, ["x", "y"]);

    protected override IReadOnlyList<IReadOnlyList<double>> TrainingData() =>
        [
            [0, 0],
            [0.5, 0],
            [0, 0.5],
            [0.5, 0.5],
            [0.25, 0.25], // cluster 0: five rows
            [5, 5],
            [5.5, 5],
            [5, 5.5], // cluster 1: three rows
            [9, 0], // noise
            [1.0, 0.5], // border of cluster 0 (near [0.5, 0.5] only)
        ];

    protected override IReadOnlyList<IReadOnlyList<double>> ScoringData() =>
        [
            [0.1, 0.1],
            [5.2, 5.2],
            [20, 20],
            [9, 0],
            [1.05, 0.5],
        ];

    protected override DbscanModel Load(Stream stream, string sourceName) => DbscanModel.Load(stream, sourceName);

    protected override string Version1File => "Dbscan";

    [Fact]
    public void Scores_are_the_rarity_of_the_cluster_a_row_falls_in()
    {
        var model = CreateDetector().Fit(TrainingData());

        model.Predict(ScoringData()).Should().Equal(0, 1, -1, -1, 0);
        model.Score(ScoringData()).Should().Equal(1.0 / 6, 1.0 / 3, 1, 1, 1.0 / 6);
        model.Card.TrainingSummary["clusters"]!.GetValue<int>().Should().Be(2);
        model.Card.Features.Should().Equal("x", "y");
    }

    [Fact]
    public void Training_rows_score_as_the_rarity_of_their_own_cluster()
    {
        var data = TrainingData();
        var result = Dbscan.Cluster(data, Options);

        CreateDetector().Fit(data).Score(data).Should().Equal(Enumerable.Range(0, data.Count).Select(result.RarityOf));
    }

    [Fact]
    public void Rows_that_do_not_fit_the_model_are_rejected()
    {
        var model = CreateDetector().Fit(TrainingData());

        FluentActions
            .Invoking(() =>
                model.Score([
                    [1.0, 2, 3],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 2 features in row 0, received 3.*");
        FluentActions
            .Invoking(() =>
                model.Score([
                    [1.0, double.PositiveInfinity],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*finite value in row 0, column 1*");
        FluentActions
            .Invoking(() => CreateDetector().Fit([]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*at least one row*");
        FluentActions
            .Invoking(() => new DbscanDetector(Options, ["x"]).Fit(TrainingData()))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("1 feature names*2 features*");
    }
}
