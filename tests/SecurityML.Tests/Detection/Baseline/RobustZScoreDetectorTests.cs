using SecurityML.Detection;
using SecurityML.Detection.Baseline;

namespace SecurityML.Tests.Detection.Baseline;

/// <summary>
/// Robust z-scores worked by hand. alice: 1, 2, 3, 4, 100 → median 3, |x − 3| = 2, 1, 0, 1, 97 → MAD 1, scale
/// 1.482602218505602 (statsmodels.robust.scale.mad(x) = 1.482602218505602 for these values); bob: 2, 4, 6, 8 → median
/// 5 (mean of the middle two), deviations 3, 1, 1, 3 → MAD 2.
/// </summary>
public sealed class RobustZScoreDetectorTests
{
    private static readonly EntityValue[] Training =
    [
        new("alice", 1),
        new("alice", 2),
        new("alice", 3),
        new("alice", 4),
        new("alice", 100),
        new("bob", 2),
        new("bob", 4),
        new("bob", 6),
        new("bob", 8),
        new("carol", 5),
        new("dave", 7),
        new("dave", 7),
        new("dave", 7),
    ];

    private static RobustZScoreModel Fit(RobustZScoreOptions? options = null) =>
        new RobustZScoreDetector(options ?? new RobustZScoreOptions { MinimumHistory = 3 }).Fit(Training);

    [Fact]
    public void Medians_and_mads_per_entity()
    {
        var model = Fit();

        model.Baselines["alice"].Should().Be(new EntityBaseline(3, 1, 5));
        model.Baselines["bob"].Should().Be(new EntityBaseline(5, 2, 4));
    }

    [Fact]
    public void Scores_are_distances_from_the_median_in_scaled_mads()
    {
        var scores = Fit().Score([new("alice", 9), new("alice", 0), new("bob", 1), new("alice", 3)]);

        scores[0].Should().BeApproximately(6 / 1.482602218505602, 1e-12);
        scores[1].Should().BeApproximately(3 / 1.482602218505602, 1e-12);
        scores[2].Should().BeApproximately(4 / (2 * 1.482602218505602), 1e-12);
        scores[3].Should().Be(0);
    }

    [Fact]
    public void Above_only_keeps_the_sign()
    {
        var scores = Fit(new RobustZScoreOptions { MinimumHistory = 3, Direction = DeviationDirection.Above })
            .Score([new("alice", 0)]);

        scores[0].Should().BeApproximately(-3 / 1.482602218505602, 1e-12);
    }

    [Fact]
    public void Degenerate_histories_have_documented_scores()
    {
        var model = Fit();

        var scores = model.Score([
            new("carol", 5),
            new("zoe", 1),
            new("dave", 7),
            new("dave", 8),
            new("alice", double.NaN),
        ]);

        double.IsNaN(scores[0]).Should().BeTrue("carol has 1 observation, fewer than the minimum history of 3");
        double.IsNaN(scores[1]).Should().BeTrue("zoe is unknown");
        scores[2].Should().Be(0, "the median of a constant history");
        scores[3].Should().Be(double.PositiveInfinity, "a constant history has scale 0");
        double.IsNaN(scores[4]).Should().BeTrue();
        Fit(new RobustZScoreOptions { MinimumHistory = 3, MinimumScale = 0.5 })
            .Score([new("dave", 8)])[0]
            .Should()
            .Be(2);
    }

    [Fact]
    public void Explanation_is_the_one_feature_carrying_the_score()
    {
        var model = Fit(new RobustZScoreOptions { MinimumHistory = 3, FeatureName = "LogonCount" });

        var explanation = model.Explain(new EntityValue("bob", 11));

        explanation.Output.Should().Be(model.Score([new("bob", 11)])[0]);
        explanation
            .Contributions.Should()
            .ContainSingle()
            .Which.Should()
            .Be(new SecurityML.Detection.FeatureContribution("LogonCount", 11, explanation.Output));
        model.Card.Features.Should().Equal("LogonCount");
    }

    [Fact]
    public void Bad_options_and_data_are_rejected()
    {
        FluentActions
            .Invoking(() => new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MinimumHistory")
            .WithMessage("*≥ 1*received 0*");
        FluentActions
            .Invoking(() => new RobustZScoreDetector(new RobustZScoreOptions { MinimumScale = -1 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MinimumScale");
        FluentActions
            .Invoking(() => new RobustZScoreDetector(new RobustZScoreOptions()).Fit([new("", 1)]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Observation 0: the entity is empty*");
    }

    [Fact]
    public void The_documented_example_runs_as_written()
    {
        // The <example> of RobustZScoreDetector, line for line: median 4, MAD 1, scale 1.482602218505602.
        EntityValue[] history = [new("anna", 3), new("anna", 4), new("anna", 5), new("anna", 4), new("anna", 3)];
        var model = new RobustZScoreDetector(new RobustZScoreOptions()).Fit(history);
        double[] scores = model.Score([new EntityValue("anna", 4), new EntityValue("anna", 40)]);

        scores[0].Should().Be(0);
        scores[1].Should().BeApproximately(36 / 1.482602218505602, 1e-9).And.BeApproximately(24.28, 0.01);
    }
}
