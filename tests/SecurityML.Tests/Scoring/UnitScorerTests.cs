using System.Text.Json.Nodes;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;
using SecurityML.Scoring;

namespace SecurityML.Tests.Scoring;

/// <summary>How events become scoring units: per-event and aggregating kinds, bad lines, left-out lines,
/// windows.</summary>
public sealed class UnitScorerTests
{
    private static IsolationForestModel LogonForest()
    {
        var rows = Enumerable
            .Range(0, 40)
            .Select(index => Enumerable.Range(0, 6).Select(feature => (double)((index * (feature + 3)) % 7)).ToArray())
            .ToList();
        return new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 20, Seed = 1 },
            LogonFeatures.FeatureNames
        ).Fit(rows);
    }

    private static string Logon(string time, string user, int eventId = 4624, int logonType = 3) =>
        $$"""{"TimeGenerated":"{{time}}","EventID":"{{eventId}}","LogonType":{{logonType}},"TargetUserName":"{{user}}","TargetDomainName":"CONTOSO","Computer":"FS01.contoso.local","IpAddress":"10.0.0.1","WorkstationName":"WS1"}""";

    [Fact]
    public void Logon_events_become_account_days_scored_when_the_input_ends()
    {
        var scorer = ModelRegistry.Load(ModelRegistryTests.Saved(LogonForest().Save));
        var added = scorer.Add([
            new SourceEvent(1, JsonNode.Parse(Logon("2024-03-04T08:00:00Z", "alice"))!.AsObject()),
            new SourceEvent(2, JsonNode.Parse(Logon("2024-03-04T09:00:00Z", "FS01$"))!.AsObject()),
            new SourceEvent(
                3,
                JsonNode.Parse("""{"TimeGenerated":"03/04/2024","EventID":4624,"TargetUserName":"bob"}""")!.AsObject()
            ),
            new SourceEvent(4, JsonNode.Parse(Logon("2024-03-04T10:00:00Z", "alice"))!.AsObject()),
            new SourceEvent(5, JsonNode.Parse(Logon("2024-03-05T10:00:00Z", "carol", eventId: 4625))!.AsObject()),
        ]);
        var completed = scorer.Complete();

        added
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match<UnitResult>(result =>
                result.Lines.Single() == 3 && result.Problem!.StartsWith("field TimeGenerated: expected")
            );
        completed.Should().HaveCount(3);
        var alice = completed.Single(result => result.LeftOut is null);
        alice.Lines.Should().Equal(1, 4);
        alice.Unit["account"]!.GetValue<string>().Should().Be(@"CONTOSO\alice");
        alice.Unit["windowStart"]!.GetValue<string>().Should().Be("2024-03-04T00:00:00.000Z");
        alice.Explain!()["contributions"]!.AsArray().Should().HaveCount(6);
        completed
            .Single(result => result.Lines.SequenceEqual([2L]))
            .LeftOut.Should()
            .Be(IsolationForestScoring.FilteredLogon);
        completed
            .Single(result => result.Lines.SequenceEqual([5L]))
            .LeftOut.Should()
            .Be(IsolationForestScoring.NoSuccessfulLogon);
        scorer.Complete().Should().BeEmpty();
    }

    [Fact]
    public void A_window_other_than_the_models_is_refused_with_the_option_named()
    {
        FluentActions
            .Invoking(() =>
                ModelRegistry.Load(
                    ModelRegistryTests.Saved(LogonForest().Save),
                    "logons.model",
                    new EventScoringOptions { Window = TimeSpan.FromHours(2) }
                )
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("--window: expected 1d*received 02:00:00");
        var dbscan = new DbscanDetector(
            new DbscanOptions
            {
                MaximumDistance = 0.5,
                MinimumSamples = 2,
                NormalizeRows = false,
            },
            ["x", "y"]
        ).Fit([
            [0.0, 0],
            [0.1, 0],
            [5, 5],
        ]);
        FluentActions
            .Invoking(() =>
                ModelRegistry.Load(
                    ModelRegistryTests.Saved(dbscan.Save),
                    "clusters.model",
                    new EventScoringOptions { Window = TimeSpan.FromDays(1) }
                )
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("--window: Dbscan models have no aggregation window*");
    }

    [Fact]
    public void Models_over_named_features_score_feature_rows_one_event_each()
    {
        var forest = new IsolationForestDetector(
            new IsolationForestOptions { NumberOfTrees = 10, Seed = 3 },
            ["bytes", "packets"]
        ).Fit(Enumerable.Range(0, 30).Select(index => new[] { index % 5, (double)(index % 3) }).ToList());
        var dbscan = new DbscanDetector(
            new DbscanOptions
            {
                MaximumDistance = 0.5,
                MinimumSamples = 2,
                NormalizeRows = false,
            },
            ["x", "y"]
        ).Fit([
            [0.0, 0],
            [0.1, 0],
            [5, 5],
        ]);

        var forestResults = ModelRegistryTests.Score(
            ModelRegistry.Load(ModelRegistryTests.Saved(forest.Save)),
            """{"bytes":"100","packets":2}""",
            """{"bytes":1}"""
        );
        var clusterResults = ModelRegistryTests.Score(
            ModelRegistry.Load(ModelRegistryTests.Saved(dbscan.Save)),
            """{"x":0.05,"y":0}""",
            """{"x":9,"y":9}"""
        );

        forestResults[0]
            .Score.Should()
            .Be(
                forest.Score([
                    [100.0, 2],
                ])[0]
            );
        forestResults[0].Unit.ToJsonString().Should().Be("""{"row":1}""");
        forestResults[1].Problem.Should().Be("missing field: expected one of packets");
        clusterResults.Select(result => result.Score).Should().Equal(0.5, 1.0);
        clusterResults[1].Explain!().ToJsonString().Should().Be("""{"cluster":-1,"clusterSize":1,"noise":true}""");
    }
}
