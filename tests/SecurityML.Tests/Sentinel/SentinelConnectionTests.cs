using System.Security.Cryptography;
using SecurityML.Data;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

/// <summary>A connection built only from a config file and environment variables (no test transport, no test
/// credential) reaches the fake server: access token from <c>SECML_ACCESS_TOKEN</c>, server trusted by its pinned
/// SHA-256 thumbprint.</summary>
public sealed class SentinelConnectionTests : IAsyncLifetime
{
    private const string Workspace = TestClients.WorkspaceId;
    private static readonly string SampleData = RepositoryPaths.SampleData;
    private readonly TemporaryFolder _folder = new();
    private FakeMonitorServer _server = null!;

    private static string Pin => TestCertificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256);

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
    public async Task A_config_file_with_a_pin_and_an_environment_token_queries_and_writes_back()
    {
        var connection = new SentinelConnection(Load(Pin, FakeMonitorServer.Token));

        var events = await connection.CreateQueryProvider().LoadAsync(DataSets.ExchangeAdmin, TimeRange.All);
        var written = await connection
            .CreateResultsSink()
            .WriteAsync("Checks_CL", new[] { new { Name = "a", Score = 1.5 } });

        events.Should().Equal(QueryProvider.Local(SampleData).ExchangeAdmin());
        written.RowCount.Should().Be(1);
        _server.IngestionCalls.Should().ContainSingle().Which.Stream.Should().Be("Custom-Checks_CL");
    }

    [Fact]
    public async Task Another_pin_or_no_pin_refuses_the_self_signed_server_before_sending_anything()
    {
        var otherPin = Convert.ToHexString(SHA256.HashData("another certificate"u8));
        foreach (var pin in new[] { otherPin, null })
        {
            var connection = new SentinelConnection(Load(pin, FakeMonitorServer.Token));
            connection.QueryClientOptions.Retry.MaxRetries = 0;
            connection.IngestionClientOptions.Retry.MaxRetries = 0;

            var query = await FluentActions
                .Awaiting(() => connection.CreateQueryProvider().LoadAsync(DataSets.ExchangeAdmin, TimeRange.All))
                .Should()
                .ThrowAsync<Azure.RequestFailedException>();
            var upload = await FluentActions
                .Awaiting(() => connection.CreateResultsSink().WriteAsync("Checks_CL", new[] { new { A = 1 } }))
                .Should()
                .ThrowAsync<Exception>();

            query.Which.ToString().Should().NotContain(FakeMonitorServer.Token);
            upload.Which.ToString().Should().NotContain(FakeMonitorServer.Token);
        }
        _server.Queries.Should().BeEmpty("the TLS handshake fails first");
        _server.IngestionCalls.Should().BeEmpty();
    }

    [Fact]
    public void The_pin_is_normalised_and_a_malformed_pin_names_the_setting()
    {
        var colons = string.Join(":", Enumerable.Range(0, 32).Select(i => Pin.Substring(i * 2, 2).ToLowerInvariant()));

        Load(colons, null).ServerCertificateSha256.Should().Be(Pin);
        WorkspaceConfig
            .Load(
                null,
                new Dictionary<string, string?> { ["SECML_SERVER_CERTIFICATE_SHA256"] = Pin.ToLowerInvariant() }
            )
            .ServerCertificateSha256.Should()
            .Be(Pin);
        FluentActions
            .Invoking(() => Load(Pin[..40], null))
            .Should()
            .Throw<FormatException>()
            .WithMessage("*serverCertificateSha256*64 hex digits*40 characters*");
        FluentActions.Invoking(() => Load(new string('x', 64), null)).Should().Throw<FormatException>();
    }

    [Fact]
    public void The_sentinel_provider_reads_what_a_workspace_does_not_hold_from_the_data_folder()
    {
        var connection = new SentinelConnection(Load(Pin, FakeMonitorServer.Token));
        var provider = (LogAnalyticsQueryProvider)
            SecurityML.Workspace.Open("sentinel", SampleData, "/tmp/out", connection).QueryProvider;
        var local = QueryProvider.Local(SampleData);

        provider.LocalDataFolder.Should().Be(Path.GetFullPath(SampleData));
        provider
            .Labels(DataSets.ProcessCreation)
            .Should()
            .Equal(local.Labels(DataSets.ProcessCreation))
            .And.NotBeEmpty();
        provider.NetworkActivity().Should().HaveSameCount(local.NetworkActivity());
        _server.Queries.Should().BeEmpty("labels and OCSF data are not queried in the workspace");
        FluentActions
            .Invoking(() => connection.CreateQueryProvider().Labels(DataSets.ProcessCreation))
            .Should()
            .Throw<NotSupportedException>()
            .WithMessage("*LocalDataFolder*");
    }

    private WorkspaceConfig Load(string? pin, string? token) =>
        TestClients.WorkspaceConfigFile(
            _server,
            _folder["workspace-" + Guid.NewGuid().ToString("N")[..8] + ".json"],
            pin,
            token
        );
}
