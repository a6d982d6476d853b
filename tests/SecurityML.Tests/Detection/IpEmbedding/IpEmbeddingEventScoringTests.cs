using System.Text.Json.Nodes;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Scoring;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Unseen entities are reported where <c>secml score</c> scores events: the alert line carries the
/// status.</summary>
public sealed class IpEmbeddingEventScoringTests
{
    [Fact]
    public void Alert_lines_say_whether_the_user_was_known_or_unseen()
    {
        var training = TutorialShapedData.Generate(users: 20, pairsPerUser: 10, organisations: false, seed: 9).Training;
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                VectorDimension = 8,
                Epochs = 2,
                Seed = 1,
            }
        ).Fit(training);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(
            ModelRegistry.Load(file, "ip.model"),
            double.NegativeInfinity,
            alerts,
            problems
        );

        var known = training[0];
        scorer.Score(
            new StringReader(
                $$"""
                {"UserPrincipalName":"{{known.Entity}}","IPAddress":"{{known.IpAddress}}"}
                {"UserPrincipalName":"newcomer@example.com","IPAddress":"{{known.IpAddress}}"}
                """ + "\n"
            ),
            "signins.jsonl",
            EventFormat.JsonLines
        );

        var lines = alerts
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToList();
        lines.Select(line => line["status"]!.GetValue<string>()).Should().Equal("KnownEntity", "UnseenEntity");
        var expected = model.ScoreWithStatus([known, new("newcomer@example.com", known.IpAddress)]);
        lines.Select(line => line["score"]!.GetValue<double>()).Should().Equal(expected[0].Score, expected[1].Score);
        problems.ToString().Should().BeEmpty();
    }
}
