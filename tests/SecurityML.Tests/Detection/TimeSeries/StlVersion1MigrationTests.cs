using SecurityML.Detection;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>A version 1 STL file loads in this version's terms: the training window ends one interval after the last
/// point (version 1 recorded the last point) and msticpy's threshold is stored as the next double up, so Detect stays
/// "score &gt; ScoreThreshold"; saving and loading again changes nothing more.</summary>
public sealed class StlVersion1MigrationTests
{
    private static string Fixture =>
        Path.Combine(
            RepositoryPaths.Root,
            "tests",
            "SecurityML.Tests",
            "Detection",
            "ModelFiles",
            "v1",
            "StlAnomaly.model"
        );

    [Fact]
    public void The_window_ends_after_the_last_point_and_the_threshold_is_strictly_above_the_score_threshold()
    {
        var model = StlAnomalyModel.Load(Fixture);
        var points = model.Rows;

        model.Card.TrainingWindowEnd.Should().Be(points[^1].TimeGenerated + model.Options.Interval);
        model.Card.TrainingWindowStart.Should().Be(points[0].TimeGenerated);
        model
            .Card.Threshold.Should()
            .Be(StlAnomalyModel.ThresholdFor(model.Options.ScoreThreshold))
            .And.BeGreaterThan(model.Options.ScoreThreshold);
        model
            .Detect(points.Select(point => new TimeSeriesPoint(point.TimeGenerated, point.Value)).ToList())
            .Should()
            .Equal(points.Select(point => point.Score > model.Options.ScoreThreshold));

        using var folder = new TemporaryFolder();
        model.Save(folder.File("resaved.model"));
        var again = StlAnomalyModel.Load(folder.File("resaved.model"));
        ModelCards.ToJson(again.Card).Should().Be(ModelCards.ToJson(model.Card));
    }
}
