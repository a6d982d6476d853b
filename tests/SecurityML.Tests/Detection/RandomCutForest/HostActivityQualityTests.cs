using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Tuning;
using Xunit.Abstractions;

namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>Quality floor of the random cut forest on the bundled Security Lake demo data, as notebook 11 runs it:
/// trained on the first seven days, then the last three days streamed (score, then update).</summary>
public sealed class HostActivityQualityTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Training = new(Start, Start.AddDays(7));
    private static readonly TimeRange Streamed = new(Start.AddDays(7), Start.AddDays(10));

    [Fact]
    public void Every_planted_attack_ranks_in_the_top_percent_and_the_auc_beats_the_floor_next_to_an_isolation_forest()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        var flows = provider.Load(DataSets.HostNetworkActivity, TimeRange.All);
        var processes = provider.Load(DataSets.HostProcessActivity, TimeRange.All);
        var labels = provider.Load(
            DataSets.LabelsOf(DataSets.HostNetworkActivity) as DataSet<AnomalyLabel>
                ?? throw new InvalidOperationException(),
            TimeRange.All
        );
        var training = HostActivityFeatures.Build(flows, processes, Training);
        var streamed = HostActivityFeatures
            .Build(flows, processes, Streamed)
            .OrderBy(bucket => bucket.BucketStart)
            .ToList();

        var model = new RandomCutForestDetector(null, HostActivityFeatures.Names).Fit(
            training.Select(bucket => bucket.Features).ToList()
        );
        var trainingScores = model.Score(training.Select(bucket => bucket.Features).ToList());
        var streamScores = model.ScoreAndUpdate(streamed.Select(bucket => bucket.Features).ToList()).Scores;
        var all = training.Concat(streamed).ToList();
        var scored = HostActivityScore.Of(all, trainingScores.Concat(streamScores).ToList(), labels);
        var planted = scored.Where(score => score.Planted != "").ToList();
        var isPlanted = scored.Select(score => score.Planted != "").ToList();
        var forest = new IsolationForestDetector(new IsolationForestOptions { Seed = 42 }).Fit(
            training.Select(bucket => bucket.Features).ToList()
        );
        double rcfAuc = ClassificationMetrics.RocAuc(scored.Select(score => score.Score).ToList(), isPlanted);
        double isolationAuc = ClassificationMetrics.RocAuc(
            forest.Score(all.Select(bucket => bucket.Features).ToList()),
            isPlanted
        );
        foreach (var score in scored.OrderBy(score => score.Rank).Take(25))
            output.WriteLine($"{score.Rank} {score.Hostname} {score.TimeGenerated:u} {score.Score:F3} {score.Planted}");
        output.WriteLine($"AUC random cut forest {rcfAuc:F4}, isolation forest {isolationAuc:F4}");

        training.Should().HaveCount(8 * 24 * 7);
        planted
            .Select(score => score.Planted)
            .Should()
            .BeEquivalentTo(["PortScan", "ReverseShell", "CryptoMiner", "Exfiltration", "CredentialAccess"]);
        planted
            .Should()
            .OnlyContain(
                score => score.TopPercent <= 1.0,
                "every planted attack ranks in the top 1 % of instance-hours"
            );
        rcfAuc.Should().BeGreaterThan(0.995);
        isolationAuc.Should().BeGreaterThan(0.5, "the comparison is computed on the same features");
    }
}
