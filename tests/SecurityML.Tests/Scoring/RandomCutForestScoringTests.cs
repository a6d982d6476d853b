using System.Text.Json.Nodes;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Runner.Commands;
using SecurityML.Scoring;
using SecurityML.Tests.Detection.RandomCutForest;

namespace SecurityML.Tests.Scoring;

/// <summary><c>secml score</c> with a random cut forest model: events are feature rows named as the card's
/// features.</summary>
public sealed class RandomCutForestScoringTests
{
    [Fact]
    public async Task Secml_score_scores_feature_rows_by_the_cards_feature_names_and_reports_a_row_missing_one()
    {
        var model = new RandomCutForestDetector(
            new RandomCutForestOptions { NumberOfTrees = 20, SampleSize = 64 },
            ["BytesOut", "Processes"]
        )
            .Fit(RandomCutForestTestData.NormalRows(200, 2, seed: 3))
            .WithThreshold(2.5, "test");
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("rcf.model");
        model.Save(modelPath);
        var input = folder.Write(
            "rows.jsonl",
            """{"Instance":"i-1","BytesOut":0.5,"Processes":-0.2}"""
                + "\n"
                + """{"Instance":"i-2","BytesOut":"9","Processes":"9"}"""
                + "\n"
                + """{"Instance":"i-3","BytesOut":1}"""
                + "\n"
        );
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = await ScoreCommand.RunAsync(
            new ScoreRequest
            {
                ModelPath = modelPath,
                InputPath = input,
                MaximumBadLines = 1,
            },
            new MemoryStream(),
            output,
            error,
            CancellationToken.None
        );

        ModelRegistry.Kinds.Should().Contain(RandomCutForestModel.Kind);
        model
            .Score([
                [0.5, -0.2],
            ])[0]
            .Should()
            .BeLessThan(2.5);
        exit.Should().Be(ScoreCommand.Success, error.ToString());
        var alert = JsonNode.Parse(output.ToString().Trim())!.AsObject();
        alert["line"]!.GetValue<long>().Should().Be(2);
        alert["score"]!
            .GetValue<double>()
            .Should()
            .Be(
                model.Score([
                    [9, 9],
                ])[0]
            )
            .And.BeGreaterThan(2.5);
        alert["kind"]!.GetValue<string>().Should().Be(RandomCutForestModel.Kind);
        alert["explanation"]!["contributions"]!
            .AsArray()
            .Select(item => item!["feature"]!.GetValue<string>())
            .Should()
            .Equal("BytesOut", "Processes");
        error.ToString().Should().Contain("line 3").And.Contain("missing field: expected one of Processes");
    }
}
