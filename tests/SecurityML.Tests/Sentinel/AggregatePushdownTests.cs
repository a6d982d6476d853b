using System.Collections.Concurrent;
using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;
using Xunit.Abstractions;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Issue 14 part 3: detectors whose input is an aggregate get it from the workspace (<see cref="DetectorInputs"/>), so
/// the rows a notebook pulls scale with entities × days. Each test runs the notebook's old path (raw events, aggregated
/// here) and its new path (the named aggregate query) against the fake workspace serving the demo data, counts the rows
/// each query returned, and checks that the detector's results are identical.
/// </summary>
public sealed partial class AggregatePushdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";

    /// <summary>The window of notebooks 03 and 04 (their parameters cell).</summary>
    private static readonly TimeRange LogonWindow = new(
        new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.Zero)
    );

    /// <summary>The training window of notebook 01 (its parameters cell).</summary>
    private static readonly TimeRange AccessWindow = new(
        new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 3, 18, 0, 0, 0, TimeSpan.Zero)
    );

    private readonly ConcurrentQueue<AnsweredQuery> _answered = new();
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMonitorServer.StartAsync();
        _server.QueryResponder = SampleDataWorkspace.Responder(RepositoryPaths.SampleData, _answered);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(ZScoreBaseline.OtherDays)] // notebook 03, and 04's default
    [InlineData(ZScoreBaseline.AllDays)]
    public void Logon_forest_trained_on_the_workspace_aggregate_equals_the_one_trained_on_raw_events(
        ZScoreBaseline baseline
    )
    {
        var provider = WorkspaceProvider();

        var before = LogonAnomalyDetection.Run(
            provider.Logons(LogonWindow.Start, LogonWindow.End),
            baseline,
            LogonAnomalyDetection.DefaultContamination,
            seed: 42
        );
        var rawRows = RowsSinceLastCall();
        var after = LogonAnomalyDetection.Run(
            provider.DailyLogons(LogonWindow.Start, LogonWindow.End),
            baseline,
            LogonAnomalyDetection.DefaultContamination,
            seed: 42
        );
        var aggregateRows = RowsSinceLastCall();

        after.Summaries.Should().Equal(before.Summaries, "the workspace returns the aggregate the raw path computes");
        after.Table.Vectors.Should().BeEquivalentTo(before.Table.Vectors, options => options.WithStrictOrdering());
        after.Model.Score(after.Table.Vectors).Should().Equal(before.Model.Score(before.Table.Vectors));
        after.Ranked.Should().Equal(before.Ranked, "same account-days, scores, ranks and outliers");
        after.Ranked.Should().Contain(anomaly => anomaly.IsOutlier, "the comparison covers flagged account-days");
        output.WriteLine(
            $"notebooks 03/04 training input: raw Logons {rawRows} rows, DailyLogons {aggregateRows} rows"
        );
        aggregateRows.Should().Be(before.Summaries.Count, "one row per account and UTC day travels");
        var accounts = before.Summaries.Select(summary => summary.Account).Distinct().Count();
        aggregateRows.Should().BeLessThanOrEqualTo(accounts * (int)(LogonWindow.End - LogonWindow.Start).TotalDays);
        aggregateRows.Should().BeLessThan(rawRows / 5, "the demo data has about seven logons per account-day");
    }

    [Fact]
    public void Logon_count_baseline_trained_on_workspace_counts_equals_the_one_trained_on_raw_events()
    {
        var provider = WorkspaceProvider();
        var trainingEnd = new DateOnly(2024, 3, 14); // notebook 10's parameters cell

        var before = provider.Logons().SummarizeByEntityAndDay(logon => logon.Account, logon => logon.TimeGenerated);
        var rawRows = RowsSinceLastCall();
        var after = provider.DailyLogonCounts();
        var aggregateRows = RowsSinceLastCall();

        after.Should().Equal(before, "the workspace returns the (account, day) counts the raw path computes");
        var (scoresBefore, scoresAfter) = (BaselineScores(before, trainingEnd), BaselineScores(after, trainingEnd));
        scoresAfter.Should().Equal(scoresBefore).And.Contain(score => score >= 3, "some later days stand out");
        output.WriteLine(
            $"notebooks 09/10 logon counts: raw Logons {rawRows} rows, DailyLogonCounts {aggregateRows} rows"
        );
        aggregateRows.Should().Be(after.Count);
        aggregateRows.Should().BeLessThan(rawRows / 5, "the demo data has about seven logons per account-day");
    }

    [Fact]
    public void Access_anomaly_model_trained_on_workspace_share_counts_equals_the_one_trained_on_raw_events()
    {
        var provider = WorkspaceProvider();
        var options = new AccessAnomalyOptions
        {
            Rank = 10,
            NumberOfIterations = 25,
            Seed = 42,
        }; // notebook 01

        var events = provider.FileShareAccess(AccessWindow.Start, AccessWindow.End);
        var rawRows = RowsSinceLastCall();
        var pairs = provider.ShareAccessCounts(AccessWindow.Start, AccessWindow.End);
        var aggregateRows = RowsSinceLastCall();

        pairs.Should().Equal(ShareAccessSummary.Summarize(events), "the workspace returns the local aggregate");
        var before = FileShareAccessAnomalies.Likelihoods(events, "Contoso");
        var after = FileShareAccessAnomalies.LikelihoodsFromCounts(pairs, "Contoso");
        after.Should().Equal(before, "same pairs, same likelihoods to the bit");
        after.Should().Contain(pair => pair.Likelihood != Math.Floor(pair.Likelihood), "some pairs span several days");
        var (modelBefore, modelAfter) = (Train(before), Train(after));
        modelAfter.Score(after).Should().Equal(modelBefore.Score(before));
        modelAfter.Detect(after).Should().Equal(modelBefore.Detect(before)).And.Contain(true);
        output.WriteLine(
            $"notebook 01 training input: raw FileShareAccess {rawRows} rows, ShareAccessCounts {aggregateRows} rows"
        );
        rawRows.Should().Be(events.Count).And.Be(4213, "the demo data's training window");
        aggregateRows.Should().Be(pairs.Count).And.Be(before.Count, "one row per (account, share) travels");
        aggregateRows.Should().BeLessThan(rawRows / 5, "the demo accounts reuse their shares");
        pairs.Sum(pair => pair.Count).Should().Be(events.Count, "every event has an account and a share");

        AccessAnomalyModel Train(IReadOnlyList<AccessLikelihood> likelihoods) =>
            new AccessAnomalyDetector(options).Fit(likelihoods);
    }

    [Fact]
    public void The_share_access_counts_are_the_same_from_a_workspace_and_from_local_files()
    {
        var local = QueryProvider.Local(RepositoryPaths.SampleData);

        WorkspaceProvider()
            .ShareAccessCounts(AccessWindow.Start, AccessWindow.End)
            .Should()
            .Equal(local.ShareAccessCounts(AccessWindow.Start, AccessWindow.End))
            .And.NotBeEmpty()
            .And.OnlyContain(pair => pair.Count >= 1 && pair.FirstSeen <= pair.LastSeen);
        _answered.Should().ContainSingle().Which.DataSet.Should().Be(ShareAccessSummary.DataSet.Name);
    }

    [Fact]
    public void The_daily_counts_are_the_same_from_a_workspace_and_from_local_files_for_a_window()
    {
        var local = QueryProvider.Local(RepositoryPaths.SampleData);

        WorkspaceProvider()
            .DailyLogonCounts(LogonWindow.Start, LogonWindow.End)
            .Should()
            .Equal(local.DailyLogonCounts(LogonWindow.Start, LogonWindow.End))
            .And.NotBeEmpty()
            .And.OnlyContain(day => day.DistinctCount == 0 && day.FirstSeen <= day.LastSeen);
        _answered.Should().ContainSingle().Which.DataSet.Should().Be(DailyLogonCount.DataSet.Name);
    }

    [Fact]
    public void The_daily_aggregate_is_the_same_from_a_workspace_and_from_local_files()
    {
        var local = QueryProvider.Local(RepositoryPaths.SampleData);

        WorkspaceProvider()
            .DailyLogons(LogonWindow.Start, LogonWindow.End)
            .Should()
            .Equal(local.DailyLogons(LogonWindow.Start, LogonWindow.End))
            .And.NotBeEmpty();
        _answered.Should().ContainSingle().Which.DataSet.Should().Be(LogonDailySummary.DataSet.Name);
    }

    [Fact]
    public void The_drill_down_pulls_only_the_flagged_accounts_events_and_sees_what_the_raw_path_saw()
    {
        var provider = WorkspaceProvider();
        var local = QueryProvider.Local(RepositoryPaths.SampleData);
        var run = LogonAnomalyDetection.Run(local.DailyLogons(LogonWindow.Start, LogonWindow.End));
        var flagged = run.Ranked[0];
        var allLogons = local.Logons(LogonWindow.Start, LogonWindow.End);

        var accountLogons = provider.AccountLogons(flagged.Account, LogonWindow.Start, LogonWindow.End);

        var answered = _answered.Should().ContainSingle().Subject;
        answered.Account.Should().Be(flagged.Account);
        answered.RowCount.Should().Be(accountLogons.Count).And.BeLessThan(allLogons.Count / 10);
        accountLogons.Should().Equal(local.AccountLogons(flagged.Account, LogonWindow.Start, LogonWindow.End));
        var day = (flagged.Date, flagged.Date.AddDays(1));
        LogonAccountActivity
            .Summarize(accountLogons, flagged.Account, day.Item1, day.Item2)
            .Should()
            .BeEquivalentTo(LogonAccountActivity.Summarize(allLogons, flagged.Account, day.Item1, day.Item2));
        LogonAccountActivity
            .Events(accountLogons, flagged.Account, LogonWindow.Start, LogonWindow.End)
            .Should()
            .Equal(LogonAccountActivity.Events(allLogons, flagged.Account, LogonWindow.Start, LogonWindow.End))
            .And.NotBeEmpty();
        output.WriteLine(
            $"notebook 03 drill-down on {flagged.Account}: raw Logons {allLogons.Count} rows, "
                + $"Logons filtered by account {accountLogons.Count} rows"
        );
    }

    [Fact]
    public void A_workspace_provider_filtered_to_other_accounts_returns_no_drill_down_rows_and_sends_no_query()
    {
        var provider = WorkspaceProvider().WithFilter(new SentinelQueryFilter { Accounts = ["CONTOSO\\someone"] });

        provider.AccountLogons("CONTOSO\\other").Should().BeEmpty();
        _server.Queries.Should().BeEmpty();
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var provider = WorkspaceProvider();

        provider.Invoking(p => p.AccountLogons(" ")).Should().Throw<ArgumentException>().WithParameterName("account");
        Action nullProvider = () => ((QueryProvider)null!).DailyLogons();
        nullProvider.Should().Throw<ArgumentNullException>().WithParameterName("provider");
    }

    /// <summary>Notebook 10's detector: a robust z-score per account fitted on the days before
    /// <paramref name="trainingEnd"/>, scoring the later ones.</summary>
    private static double[] BaselineScores(IReadOnlyList<EntityDaySummary> days, DateOnly trainingEnd)
    {
        var options = new RobustZScoreOptions
        {
            FeatureName = "LogonCount",
            EntityField = "Account",
            MinimumHistory = 5,
            MinimumScale = 1.0,
            Direction = DeviationDirection.Above,
        };
        static List<EntityValue> Values(IEnumerable<EntityDaySummary> rows) =>
            rows.Select(day => new EntityValue(day.Entity, day.Count)).ToList();
        var model = new RobustZScoreDetector(options).Fit(Values(days.Where(day => day.Day < trainingEnd)));
        return model.Score(Values(days.Where(day => day.Day >= trainingEnd)));
    }

    private LogAnalyticsQueryProvider WorkspaceProvider() => new(TestClients.Query(_server), Workspace);

    private int RowsSinceLastCall()
    {
        var rows = 0;
        while (_answered.TryDequeue(out var answered))
        {
            rows += answered.RowCount;
        }
        return rows;
    }
}
