using SecurityML.Data;
using SecurityML.Features.Logons;
using SecurityML.Results;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

public sealed class LogAnalyticsQueryProviderTests : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private static readonly string SampleData = RepositoryPaths.SampleData;
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_data_set_parses_into_the_same_records_as_the_local_provider()
    {
        await AssertSameAsLocal(DataSets.Logons);
        await AssertSameAsLocal(DataSets.FileShareAccess);
        await AssertSameAsLocal(DataSets.OutboundBytes);
        await AssertSameAsLocal(DataSets.ProcessCreation);
        await AssertSameAsLocal(DataSets.ExchangeAdmin);
        await AssertSameAsLocal(DataSets.SignIns);
        await AssertSameAsLocal(DataSets.UserDirectory);
    }

    [Fact]
    public async Task Daily_logon_aggregates_from_the_workspace_parse_into_summaries()
    {
        var expected = LogonDailyAggregation.Summarize(QueryProvider.Local(SampleData).Logons());
        _server.QueryResponder = _ => new FakeResponse(200, TableJson.Response(expected));
        var provider = new LogAnalyticsQueryProvider(
            TestClients.Query(_server),
            Workspace,
            new SentinelQueryFilter { Accounts = ["anna"] }
        );

        provider.DailyLogons().Should().Equal(expected);
        _server.Queries.Single().Query.Should().Contain("summarize").And.Contain("TargetUserName in~ (\"anna\")");
    }

    [Fact]
    public async Task A_result_missing_a_column_names_it()
    {
        _server.QueryResponder = _ => new FakeResponse(200, TableJson.Response(new[] { new HourlyOutboundBytes() }));
        var provider = new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace);

        await provider
            .Invoking(p => p.LoadAsync(DataSets.SignIns, TimeRange.All))
            .Should()
            .ThrowAsync<FormatException>()
            .WithMessage(
                "*SignInEvent*missing columns [UserPrincipalName, IPAddress, Location, AppDisplayName, ResultType]*"
            );
    }

    [Fact]
    public void The_source_switch_returns_the_local_or_the_workspace_provider_and_sink()
    {
        var connection = new SentinelConnection(
            new WorkspaceConfig
            {
                WorkspaceId = Workspace,
                DataCollectionEndpoint = _server.Endpoint,
                DataCollectionRuleId = "dcr-0123",
            },
            new StaticTokenCredential(FakeMonitorServer.Token)
        );

        var local = SecurityML.Workspace.Open("local", SampleData, "/tmp/out");
        var sentinel = SecurityML.Workspace.Open(" Sentinel ", SampleData, "/tmp/out", connection);

        local.QueryProvider.Should().BeOfType<LocalDataProvider>();
        sentinel.QueryProvider.Should().BeOfType<LogAnalyticsQueryProvider>().Which.WorkspaceId.Should().Be(Workspace);
        local.ResultsSink.Should().BeOfType<LocalResultsSink>();
        sentinel.ResultsSink.Should().BeOfType<LogAnalyticsResultsSink>().Which.RuleId.Should().Be("dcr-0123");
        FluentActions
            .Invoking(() => SecurityML.Workspace.Open("kusto", SampleData, "/tmp/out"))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*'local' or 'sentinel', received 'kusto'*");
    }

    [Fact]
    public void Without_a_workspace_id_the_message_says_where_to_set_it()
    {
        var connection = new SentinelConnection(new WorkspaceConfig(), new StaticTokenCredential("x"));
        var workspace = SecurityML.Workspace.Open("sentinel", SampleData, "/tmp", connection);
        FluentActions
            .Invoking(() => workspace.QueryProvider)
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage("*workspaceId*SECML_WORKSPACE_ID*");
        FluentActions
            .Invoking(() => workspace.ResultsSink)
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage("*SECML_DCE*SECML_DCR_ID*");
    }

    private async Task AssertSameAsLocal<T>(DataSet<T> dataSet)
        where T : class
    {
        var local = QueryProvider.Local(SampleData).Load(dataSet, TimeRange.All);
        _server.QueryResponder = _ => new FakeResponse(200, TableJson.Response(local));
        var provider = new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace);

        var remote = await provider.LoadAsync(dataSet, TimeRange.All);

        remote.Should().Equal(local, $"{dataSet.Name} must parse into the local records");
        local.Should().NotBeEmpty();
    }
}
