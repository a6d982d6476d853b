using System.Security.Cryptography;
using SecurityML.Data;
using SecurityML.Results;
using SecurityML.Sentinel;
using SecurityML.Tests.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests;

/// <summary>One <see cref="SecurityML.Workspace"/> per notebook: local files or the fake workspace (Kestrel serving the
/// demo data through the named queries), the same rows either way, and data files for scoring tools in both
/// modes.</summary>
public sealed class WorkspaceTests : IAsyncLifetime
{
    private static readonly string SampleData = RepositoryPaths.SampleData;
    private readonly TemporaryFolder _folder = new();
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMonitorServer.StartAsync();
        _server.QueryResponder = SampleDataWorkspace.Responder(SampleData);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void A_local_workspace_reads_the_data_folder_and_writes_under_the_output_directory()
    {
        var workspace = Workspace.Open(" Local ", SampleData, _folder["out"], "ignored-for-local.json");

        workspace.Source.Should().Be(DataSourceKind.Local);
        workspace.Connection.Should().BeNull();
        workspace
            .QueryProvider.Should()
            .BeOfType<LocalDataProvider>()
            .And.BeSameAs(workspace.QueryProvider, "made once");
        workspace.ResultsSink.Should().BeOfType<LocalResultsSink>().Which.Folder.Should().Be(_folder["out"]);
        workspace.DataFile(DataSets.SignIns, TimeRange.All).Should().Be(Path.Combine(SampleData, "SignIns.csv"));
    }

    [Fact]
    public void A_sentinel_workspace_holds_one_provider_and_one_sink_made_from_its_connection()
    {
        var workspace = Workspace.Open("sentinel", SampleData, _folder["out"], Connection());

        workspace.Source.Should().Be(DataSourceKind.Sentinel);
        workspace
            .QueryProvider.Should()
            .BeOfType<LogAnalyticsQueryProvider>()
            .Which.WorkspaceId.Should()
            .Be(TestClients.WorkspaceId);
        workspace.QueryProvider.Should().BeSameAs(workspace.QueryProvider);
        workspace.ResultsSink.Should().BeOfType<LogAnalyticsResultsSink>().And.BeSameAs(workspace.ResultsSink);
    }

    [Fact]
    public void A_sentinel_data_file_holds_the_rows_the_workspace_returns_and_the_labels_beside_them()
    {
        var workspace = Workspace.Open("sentinel", SampleData, _folder["out"], Connection());
        var local = QueryProvider.Local(SampleData);

        var path = workspace.DataFile(DataSets.SignIns, TimeRange.All);

        path.Should().Be(Path.Combine(_folder["out"], "workspace-data", "SignIns.csv"));
        _server.Queries.Should().NotBeEmpty("the rows come from the workspace");
        CsvDataFile.Read<SignInEvent>(path).Should().Equal(local.SignIns()).And.NotBeEmpty();
        CsvDataFile
            .Read<AnomalyLabel>(Path.Combine(_folder["out"], "workspace-data", "SignIns.labels.csv"))
            .Should()
            .Equal(local.Labels(DataSets.SignIns))
            .And.NotBeEmpty();
    }

    [Fact]
    public void Data_sets_a_workspace_does_not_hold_stay_in_the_data_folder()
    {
        var workspace = Workspace.Open("sentinel", SampleData, _folder["out"], Connection());

        workspace
            .DataFile(DataSets.NetworkActivity, TimeRange.All)
            .Should()
            .Be(Path.Combine(SampleData, DataSets.NetworkActivity.FileName));
        _server.Queries.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_source_names_the_value_received() =>
        FluentActions
            .Invoking(() => Workspace.Open("kusto", SampleData, _folder["out"]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*'local' or 'sentinel', received 'kusto'*");

    private SentinelConnection Connection() =>
        new(
            TestClients.WorkspaceConfigFile(
                _server,
                _folder["workspace.json"],
                TestCertificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256),
                FakeMonitorServer.Token
            )
        );
}
