using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Features.FileShares;
using SecurityML.Scoring;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

/// <summary>Notebook 02 (anomalous resource access scoring): each of its four workspace reads, raw events before and
/// an aggregate after, gives identical results (the model trained in place, the scored rows, the planted pairs, the
/// enrichment).</summary>
public sealed partial class AggregatePushdownTests
{
    /// <summary>The windows and parameters of notebook 02 (its parameters cell).</summary>
    private static readonly DateTimeOffset ScoringStart = new(2024, 3, 18, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset ScoringEnd = new(2024, 4, 3, 0, 0, 0, TimeSpan.Zero);
    private const string Tenant = "Contoso";
    private static readonly string[] ExcludedAccounts =
    [
        @"CONTOSO\svc-backup",
        @"CONTOSO\svc-scan",
        @"CONTOSO\svc-monitor",
    ];

    [Fact]
    public void Notebook_02_model_trained_in_place_on_workspace_share_counts_is_the_raw_events_model_to_the_byte()
    {
        var provider = WorkspaceProvider();

        var events = provider.FileShareAccess(AccessWindow.Start, AccessWindow.End);
        var rawRows = RowsSinceLastCall();
        var pairs = provider.ShareAccessCounts(AccessWindow.Start, AccessWindow.End);
        var aggregateRows = RowsSinceLastCall();

        var before = FileShareAccessAnomalies.Train(events, tenant: Tenant);
        var after = FileShareAccessAnomalies.Train(pairs, tenant: Tenant);
        ModelBytes(after).Should().Equal(ModelBytes(before), "same likelihoods, same seed, same model file");
        output.WriteLine(
            $"notebook 02 training: raw FileShareAccess {rawRows} rows, ShareAccessCounts {aggregateRows}"
        );
        (rawRows, aggregateRows).Should().Be((4213, 360), "the demo data's training window");
    }

    [Fact]
    public void Notebook_02_scores_of_workspace_daily_rows_equal_the_scores_of_the_raw_events()
    {
        var provider = WorkspaceProvider();
        var scorer = ModelRegistry.Load(new MemoryStream(ModelBytes(TrainedLocally())));

        var events = provider.FileShareAccess(ScoringStart, ScoringEnd);
        var rawRows = RowsSinceLastCall();
        var days = provider.DailyShareAccess(ScoringStart, ScoringEnd);
        var aggregateRows = RowsSinceLastCall();

        var before = AccessAnomalyScoring.ScoreDaily(scorer, events);
        var after = AccessAnomalyScoring.ScoreDaily(scorer, days);
        after.Should().Equal(before, "same tenant, user, share, day, first access, count, score and status");
        after.Should().Contain(row => row.Accesses > 1).And.Contain(row => row.AnomalyScore >= 3.0);
        Flag(after)
            .Should()
            .Equal(Flag(before))
            .And.HaveCount(17, "the pairs at or above 3 on the demo data (notebook 02 writes 17 rows)");
        output.WriteLine($"notebook 02 scoring: raw FileShareAccess {rawRows} rows, DailyShareAccess {aggregateRows}");
        rawRows.Should().Be(events.Count);
        aggregateRows.Should().Be(days.Count).And.Be(before.Count, "one row per account, share and UTC day travels");
        (rawRows, aggregateRows)
            .Should()
            .Be((5159, 3398), "about 1.5 accesses per (account, share, day) in the demo data");
        days.Sum(day => day.Count).Should().Be(events.Count, "every event is counted once");
    }

    [Fact]
    public void Notebook_02_planted_pairs_from_workspace_share_counts_equal_those_from_the_raw_events()
    {
        var provider = WorkspaceProvider();
        var labels = QueryProvider.Local(RepositoryPaths.SampleData).Labels(DataSets.FileShareAccess);

        var before = FileShareAccessAnomalies.NewPairsInLabelWindows(provider.FileShareAccess(), labels);
        var rawRows = RowsSinceLastCall();
        var after = FileShareAccessAnomalies.NewPairsInLabelWindows(provider.ShareAccessCounts(), labels);
        var aggregateRows = RowsSinceLastCall();

        after.Should().Equal(before).And.HaveCount(15, "the demo data's planted pairs");
        output.WriteLine(
            $"notebook 02 planted pairs: raw FileShareAccess {rawRows}, ShareAccessCounts {aggregateRows}"
        );
        aggregateRows.Should().BeLessThan(rawRows / 10);
    }

    [Fact]
    public void Notebook_02_enrichment_from_workspace_share_counts_equals_the_one_from_the_raw_events()
    {
        var provider = WorkspaceProvider();
        var local = QueryProvider.Local(RepositoryPaths.SampleData);
        var scorer = AccessAnomalyScoring.Create(TrainedLocally());
        var flagged = Flag(AccessAnomalyScoring.ScoreDaily(scorer, local.DailyShareAccess(ScoringStart, ScoringEnd)));
        var directory = local.UserDirectory();

        var before = AccessEnrichment.FromShareAccess(
            directory,
            provider.FileShareAccess(AccessWindow.Start, ScoringEnd)
        );
        var rawRows = RowsSinceLastCall();
        var after = AccessEnrichment.FromShareAccess(
            directory,
            provider.ShareAccessCounts(AccessWindow.Start, ScoringEnd)
        );
        var aggregateRows = RowsSinceLastCall();

        var results = after.Enrich(flagged);
        results
            .Should()
            .Equal(before.Enrich(flagged))
            .And.HaveCount(17, "the pairs at or above 3 on the demo data (notebook 02 writes 17 rows)");
        results.Should().Contain(row => row.PeerAccessShare > 0).And.Contain(row => row.PeerAccessShare == 0);
        output.WriteLine($"notebook 02 enrichment: raw FileShareAccess {rawRows}, ShareAccessCounts {aggregateRows}");
        aggregateRows.Should().BeLessThan(rawRows / 10);
    }

    [Fact]
    public void The_daily_share_access_is_the_same_from_a_workspace_and_from_local_files()
    {
        var local = QueryProvider.Local(RepositoryPaths.SampleData);

        WorkspaceProvider()
            .DailyShareAccess(ScoringStart, ScoringEnd)
            .Should()
            .Equal(local.DailyShareAccess(ScoringStart, ScoringEnd))
            .And.NotBeEmpty()
            .And.OnlyContain(day =>
                day.Count >= 1
                && day.FirstSeen <= day.LastSeen
                && DateOnly.FromDateTime(day.LastSeen.UtcDateTime) == day.Day
                && day.FirstSeen.Offset == TimeSpan.Zero
            );
        _answered.Should().ContainSingle().Which.DataSet.Should().Be(DailyShareAccess.DataSet.Name);
    }

    /// <summary>Notebook 02's fallback model (default hyper-parameters, its training window), from local files so
    /// no workspace query is counted.</summary>
    private static AccessAnomalyModel TrainedLocally() =>
        FileShareAccessAnomalies.Train(
            QueryProvider.Local(RepositoryPaths.SampleData).ShareAccessCounts(AccessWindow.Start, AccessWindow.End),
            tenant: Tenant
        );

    /// <summary>Notebook 02's short list: service accounts dropped, scores ≥ 3, one row per pair, the top 25.</summary>
    private static IReadOnlyList<ScoredAccess> Flag(IReadOnlyList<ScoredAccess> scored) =>
        scored.ExceptAccounts(ExcludedAccounts).AtOrAbove(3.0).TopPerPair().Top(25);

    private static byte[] ModelBytes(AccessAnomalyModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
