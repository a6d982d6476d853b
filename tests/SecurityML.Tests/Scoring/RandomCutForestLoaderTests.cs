using System.Text.Json.Nodes;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Scoring;
using SecurityML.Tests.Detection.RandomCutForest;

namespace SecurityML.Tests.Scoring;

/// <summary><c>secml score</c>'s loader for random cut forest models: events are feature rows named as the card's features.</summary>
public sealed class RandomCutForestLoaderTests
{
    [Fact]
    public void A_random_cut_forest_scores_feature_rows_by_the_cards_feature_names()
    {
        var model = new RandomCutForestDetector(new RandomCutForestOptions { NumberOfTrees = 20, SampleSize = 64 }, ["BytesOut", "Processes"])
            .Fit(RandomCutForestTestData.NormalRows(200, 2, seed: 3)).WithThreshold(2.5, "test");
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var scorer = ModelRegistry.Load(stream, "rcf.model");
        var results = scorer.Score([
            JsonNode.Parse("""{"Instance":"i-1","BytesOut":0.5,"Processes":-0.2}""")!.AsObject(),
            JsonNode.Parse("""{"Instance":"i-2","BytesOut":"9","Processes":"9"}""")!.AsObject(),
            JsonNode.Parse("""{"Instance":"i-3","BytesOut":1}""")!.AsObject(),
        ]);

        ModelRegistry.Kinds.Should().Contain("RandomCutForest");
        scorer.Card.Threshold.Should().Be(2.5);
        results[0].Should().Be(new EventScore(model.Score([[0.5, -0.2]])[0], null));
        results[1].Score.Should().Be(model.Score([[9, 9]])[0]).And.BeGreaterThan(2.5);
        results[2].Problem.Should().Be("missing field: expected one of Processes");
    }
}
