using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>Components, history, unknown entities, argument checks and the model file.</summary>
public sealed class AccessAnomalyScoringRuleTests
{
    private static readonly AccessAnomalyOptions Fast = new() { Rank = 3, NumberOfIterations = 4 };

    // Two islands: {a, b, R1, R2} and {c, d, R3}.
    private static readonly AccessLikelihood[] Toy =
    [
        new("t", "a", "R1", 3),
        new("t", "b", "R1", 1),
        new("t", "b", "R2", 2),
        new("t", "c", "R3", 5),
        new("t", "d", "R3", 4),
    ];

    private static AccessLikelihood Pair(string user, string resource) => new("t", user, resource);

    [Fact]
    public void Components_of_a_toy_graph_are_exactly_right()
    {
        var (users, resources) = AccessGraphComponents.Compute(Toy.Select(pair => (pair.User, pair.Resource)));

        users
            .Should()
            .BeEquivalentTo(
                new Dictionary<string, int>
                {
                    ["a"] = 0,
                    ["b"] = 0,
                    ["c"] = 1,
                    ["d"] = 1,
                }
            );
        resources
            .Should()
            .BeEquivalentTo(
                new Dictionary<string, int>
                {
                    ["R1"] = 0,
                    ["R2"] = 0,
                    ["R3"] = 1,
                }
            );
    }

    [Fact]
    public void Components_merge_through_chains_and_number_by_first_user()
    {
        var (users, resources) = AccessGraphComponents.Compute([
            ("z", "R9"),
            ("y", "R8"),
            ("x", "R9"),
            ("x", "R7"),
            ("w", "R7"),
            ("y", "R6"),
        ]);

        users
            .Should()
            .BeEquivalentTo(
                new Dictionary<string, int>
                {
                    ["w"] = 0,
                    ["x"] = 0,
                    ["z"] = 0,
                    ["y"] = 1,
                }
            );
        resources
            .Should()
            .BeEquivalentTo(
                new Dictionary<string, int>
                {
                    ["R7"] = 0,
                    ["R9"] = 0,
                    ["R8"] = 1,
                    ["R6"] = 1,
                }
            );
    }

    [Fact]
    public void Pairs_across_components_score_infinity_and_within_a_component_a_finite_score()
    {
        var model = new AccessAnomalyDetector(Fast).Fit(Toy);

        var scores = model.ScoreWithStatus([Pair("a", "R3"), Pair("c", "R1"), Pair("a", "R2"), Pair("d", "R3")]);

        scores[0].Should().Be(new AccessScore(double.PositiveInfinity, AccessScoreStatus.DifferentComponents));
        scores[1].Should().Be(new AccessScore(double.PositiveInfinity, AccessScoreStatus.DifferentComponents));
        scores[2].Status.Should().Be(AccessScoreStatus.Scored);
        double.IsFinite(scores[2].Score).Should().BeTrue();
        scores[3].Status.Should().Be(AccessScoreStatus.Scored);
    }

    [Fact]
    public void Unknown_tenant_user_or_resource_gets_no_score_and_says_why()
    {
        var model = new AccessAnomalyDetector(Fast).Fit(Toy);

        model
            .ScoreWithStatus([
                new("other", "a", "R1"),
                Pair("nobody", "R1"),
                Pair("a", "nothing"),
                Pair("nobody", "nothing"),
            ])
            .Should()
            .Equal(
                new AccessScore(double.NaN, AccessScoreStatus.UnknownTenant),
                new AccessScore(double.NaN, AccessScoreStatus.UnknownUser),
                new AccessScore(double.NaN, AccessScoreStatus.UnknownResource),
                new AccessScore(double.NaN, AccessScoreStatus.UnknownUser)
            );
    }

    [Fact]
    public void History_pairs_score_exactly_zero_when_history_is_preserved()
    {
        var history = Toy.Append(Pair("a", "R2")).Append(Pair("a", "R3")).ToList();

        var preserved = new AccessAnomalyDetector(Fast, history).Fit(Toy);
        var notPreserved = new AccessAnomalyDetector(Fast with { PreserveHistory = false }, history).Fit(Toy);

        preserved
            .ScoreWithStatus([Pair("a", "R2"), Pair("a", "R3"), Pair("a", "R1")])
            .Should()
            .OnlyContain(score => score.Score == 0.0 && score.Status == AccessScoreStatus.History);
        preserved.HistoryCount.Should().Be(7);
        var scores = notPreserved.ScoreWithStatus([Pair("a", "R2"), Pair("c", "R1")]);
        scores[0].Status.Should().Be(AccessScoreStatus.Scored);
        scores[0].Score.Should().NotBe(0.0);
        scores[1]
            .Status.Should()
            .Be(AccessScoreStatus.Scored, "the history pair (a, R3) joins both islands into one component");
    }

    [Fact]
    public void A_training_user_missing_from_the_history_cannot_be_scored_as_in_the_reference()
    {
        var model = new AccessAnomalyDetector(Fast, Toy.Where(pair => pair.User != "d")).Fit(Toy);

        model
            .ScoreWithStatus([Pair("d", "R1")])[0]
            .Should()
            .Be(new AccessScore(double.NaN, AccessScoreStatus.UnknownUser));
    }

    [Fact]
    public void Bad_training_data_is_refused_with_what_was_expected_and_received()
    {
        var detector = new AccessAnomalyDetector(Fast);

        FluentActions
            .Invoking(() => detector.Fit([]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("Expected at least one*received none*");
        FluentActions
            .Invoking(() => detector.Fit([.. Toy, Pair("a", "R1")]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*item 5 repeats ('t', 'a', 'R1')*");
        FluentActions
            .Invoking(() => detector.Fit([Pair("a", "R1") with { Likelihood = double.NaN }]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Item 0 must have a finite likelihood; received NaN*");
        FluentActions
            .Invoking(() => detector.Fit([null!]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Item 0 is null*");
    }

    [Theory]
    [InlineData(nameof(AccessAnomalyOptions.Rank), "Rank must be [1, 1000]; received 0.")]
    [InlineData(
        nameof(AccessAnomalyOptions.RegularizationParameter),
        "RegularizationParameter must be > 0 and finite; received 0."
    )]
    [InlineData(nameof(AccessAnomalyOptions.HighValue), "HighValue must be finite and > LowValue (5); received 5.")]
    [InlineData(
        nameof(AccessAnomalyOptions.ComplementRating),
        "ComplementRating must be finite and < LowValue (5); received 6."
    )]
    public void Options_out_of_range_name_the_option_the_range_and_the_value(string option, string message)
    {
        var options = option switch
        {
            nameof(AccessAnomalyOptions.Rank) => new AccessAnomalyOptions { Rank = 0 },
            nameof(AccessAnomalyOptions.RegularizationParameter) => new AccessAnomalyOptions
            {
                RegularizationParameter = 0,
            },
            nameof(AccessAnomalyOptions.HighValue) => new AccessAnomalyOptions { HighValue = 5 },
            _ => new AccessAnomalyOptions { ComplementRating = 6 },
        };

        FluentActions
            .Invoking(() => new AccessAnomalyDetector(options))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName(option)
            .WithMessage(message + "*");
    }

    [Fact]
    public void A_model_file_of_another_format_version_is_refused_clearly()
    {
        using var stream = new MemoryStream();
        ModelFile.Save(
            stream,
            new ModelCard { Kind = AccessAnomalyModel.Kind },
            AccessAnomalyModel.FormatVersion + 1,
            _ => { }
        );
        stream.Position = 0;

        FluentActions
            .Invoking(() => AccessAnomalyModel.Load(stream, "old.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage(
                "old.model: AccessAnomaly model format version 2 cannot be read by this library, which reads version 1*"
            );
    }

    [Fact]
    public void Saved_to_a_path_the_model_loads_with_history_components_and_card()
    {
        using var folder = new TemporaryFolder();
        var model = new AccessAnomalyDetector(Fast, Toy.Append(Pair("a", "R3"))).Fit(Toy);
        var path = folder["nested/access.model"];
        var pairs = new[] { Pair("a", "R3"), Pair("c", "R2"), Pair("b", "R3"), Pair("zz", "R1") };

        model.Save(path);
        var loaded = AccessAnomalyModel.Load(path);

        loaded.Score(pairs).Should().Equal(model.Score(pairs));
        loaded.HistoryCount.Should().Be(6);
        loaded.Options.Should().Be(model.Options);
        loaded.Card.TrainingSummary["pairs"]!.GetValue<int>().Should().Be(5);
    }
}
