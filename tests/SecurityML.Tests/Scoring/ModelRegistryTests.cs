using System.Text.Json.Nodes;
using SecurityML.Detection;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Scoring;

namespace SecurityML.Tests.Scoring;

/// <summary>Loading any model by its card's kind and scoring raw events with it.</summary>
public sealed class ModelRegistryTests
{
    /// <summary>A model saved to memory, ready to load.</summary>
    internal static MemoryStream Saved(Action<Stream> save)
    {
        var stream = new MemoryStream();
        save(stream);
        stream.Position = 0;
        return stream;
    }

    private static RobustZScoreModel Baseline() =>
        new RobustZScoreDetector(
            new RobustZScoreOptions
            {
                MinimumHistory = 1,
                FeatureName = "Count",
                EntityField = "User",
            }
        ).Fit([new("alice", 1), new("alice", 3), new("alice", 5)]);

    /// <summary>Scores JSON events numbered from line 1 and ends the input.</summary>
    internal static List<UnitResult> Score(IEventScorer scorer, params string[] events) =>
        [
            .. scorer.Add(
                events.Select((text, index) => new SourceEvent(index + 1, JsonNode.Parse(text)!.AsObject())).ToList()
            ),
            .. scorer.Complete(),
        ];

    [Fact]
    public void A_baseline_model_scores_events_through_its_field_names()
    {
        var scorer = ModelRegistry.Load(Saved(Baseline().Save));

        var results = Score(
            scorer,
            """{"User":"alice","Count":7}""",
            """{"User":"alice","Count":"3"}""",
            """{"User":"alice"}""",
            """{"User":"zoe","Count":1}"""
        );

        scorer.Card.Kind.Should().Be("RobustZScore");
        results.Select(result => result.Lines.Single()).Should().Equal(1, 2, 3, 4);
        results[0].Score.Should().Be(4 / (2 * RobustZScoreModel.NormalConsistency));
        results[0].Unit.ToJsonString().Should().Be("""{"entity":"alice","value":7}""");
        results[0].Explain!()["output"]!.GetValue<double>().Should().Be(results[0].Score);
        results[1].Score.Should().Be(0);
        results[1].Problem.Should().BeNull();
        results[2].Problem.Should().Be("missing field: expected one of Count");
        results[3].Problem.Should().Contain("cannot score");
    }

    [Fact]
    public void An_ip_model_reads_sign_in_and_ocsf_events()
    {
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 4,
                VectorDimension = 4,
                Epochs = 1,
            }
        ).Fit([new("alice", "10.0.0.1")]);
        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var scorer = ModelRegistry.Load(stream);

        var results = Score(
            scorer,
            """{"UserPrincipalName":"alice","IPAddress":"10.0.0.1"}""",
            """{"actor":{"user":{"name":"alice"}},"src_endpoint":{"ip":"10.0.0.1"}}""",
            """{"actor":{"user":{"name":"alice"}},"src_endpoint":{"ip":"2001:db8::1"}}"""
        );

        results[0].Score.Should().Be(model.Score([new("alice", "10.0.0.1")])[0]);
        results[1].Score.Should().Be(results[0].Score);
        results[1].Unit.ToJsonString().Should().Be("""{"entity":"alice","ipAddress":"10.0.0.1"}""");
        results[2].Problem.Should().StartWith("IPv6 address");
    }

    [Fact]
    public void An_unknown_kind_names_the_registered_ones()
    {
        var stream = new MemoryStream();
        ModelFile.Save(stream, new ModelCard { Kind = "Mystery" }, 1, _ => { });
        stream.Position = 0;

        FluentActions
            .Invoking(() => ModelRegistry.Load(stream, "mystery.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage(
                "mystery.model: no loader is registered for Mystery models; registered kinds: "
                    + "*IpEmbedding*RobustZScore*"
            );
    }

    [Fact]
    public void Loaders_are_found_in_an_assembly()
    {
        ModelRegistry.RegisterLoadersIn(typeof(ModelRegistryTests).Assembly).Should().Contain(TestLoader.TestKind);
        ModelRegistry.Kinds.Should().Contain(TestLoader.TestKind);
    }
}

/// <summary>A bring-your-own loader, found by <see cref="ModelRegistry.RegisterLoadersIn"/> (and by <c>secml score
/// --plugin</c> given this test assembly): its models score every event with the number in their card's
/// options.</summary>
public sealed class TestLoader : IModelLoader
{
    public const string TestKind = "TestOnlyKind";

    public string Kind => TestKind;

    public IEventScorer Load(Stream stream, string sourceName, EventScoringOptions options)
    {
        var (card, _) = ModelFile.Load(stream, TestKind, 1, reader => 0, sourceName);
        return new ConstantScorer(card);
    }

    private sealed class ConstantScorer(ModelCard card) : IEventScorer
    {
        public ModelCard Card => card;

        public IReadOnlyList<UnitResult> Add(IReadOnlyList<SourceEvent> events) =>
            events
                .Select(item => new UnitResult
                {
                    Lines = [item.Line],
                    Event = item.Event,
                    Score = card.Options["score"]!.GetValue<double>(),
                })
                .ToList();

        public IReadOnlyList<UnitResult> Complete() => [];
    }
}
