using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure;
using Azure.Core.Diagnostics;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

public sealed class SecretHygieneTests : IAsyncLifetime
{
    private const string ClientSecret = "Zq8~client-SECRET-value~do-not-print";
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Tokens_never_appear_in_verbose_logs_or_exception_text()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logs.Enqueue(message), EventLevel.Verbose);
        var texts = new List<string>();
        _server.QueryFaults.Enqueue(FakeResponse.Error(500, "InternalServerError", "boom"));
        _server.IngestionFaults.Enqueue(FakeResponse.Throttled("0"));
        var query = TestClients.Query(_server, configure: options => options.Diagnostics.IsLoggingContentEnabled = true);
        var ingestion = TestClients.Ingestion(_server, configure: options => options.Diagnostics.IsLoggingContentEnabled = true);

        await query.QueryWorkspaceAsync("ws", "SecurityEvent | take 1");
        await ingestion.UploadAsync("dcr-1", "Custom-X_CL", new[] { new { A = 1 } });
        _server.QueryFaults.Enqueue(FakeResponse.Error(403, "Forbidden", "no"));
        texts.Add((await Record(() => query.QueryWorkspaceAsync("ws", "q"))).ToString());
        _server.IngestionFaults.Enqueue(FakeResponse.Error(400, "InvalidArgument", "bad"));
        texts.Add((await Record(() => ingestion.UploadAsync("dcr-1", "Custom-X_CL", new[] { new { A = 2 } }))).ToString());
        texts.Add((await Record(() => TestClients.Query(_server, new StaticTokenCredential(FakeMonitorServer.Token + "-old"))
            .QueryWorkspaceAsync("ws", "q"))).ToString());

        logs.Should().Contain(message => message.Contains("Authorization", StringComparison.OrdinalIgnoreCase),
            "the request headers are logged, so the check below means something");
        logs.Concat(texts).Should().NotContain(text => text.Contains("FAKE-SECRET-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_secret_is_read_from_the_environment_only_and_never_shown()
    {
        var config = WorkspaceConfig.Load(null, new Dictionary<string, string?>
        {
            ["SECML_WORKSPACE_ID"] = "ws", ["AZURE_CLIENT_SECRET"] = ClientSecret, ["SECML_CREDENTIAL"] = "clientSecret",
        });

        config.ToString().Should().Contain("ClientSecret = set (hidden)").And.NotContain(ClientSecret);
        var missingTenant = FluentActions.Invoking(() => SentinelCredentials.Create(config)).Should().Throw<InvalidOperationException>().Which;
        missingTenant.ToString().Should().Contain("tenantId").And.NotContain(ClientSecret);
    }

    [Fact]
    public void A_config_file_holding_a_secret_is_refused_without_echoing_it()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        File.WriteAllText(path, $$"""{"workspaceId": "ws", "clientSecret": "{{ClientSecret}}"}""");

        var thrown = FluentActions.Invoking(() => WorkspaceConfig.Load(path, new Dictionary<string, string?>()))
            .Should().Throw<FormatException>().Which;

        thrown.Message.Should().Contain("'clientSecret'").And.Contain("AZURE_CLIENT_SECRET");
        thrown.ToString().Should().NotContain(ClientSecret);
        FluentActions.Invoking(() => WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_DCE"] = $"https://app:{ClientSecret}@dce.example" }))
            .Should().Throw<FormatException>().Which.ToString().Should().NotContain(ClientSecret);
    }

    [Fact]
    public void The_access_token_is_read_from_the_environment_only_and_never_shown()
    {
        const string Token = "eyJ0eXAi.ACCESS-TOKEN-from-environment.c2ln";
        var config = WorkspaceConfig.Load(null, new Dictionary<string, string?>
        {
            ["SECML_WORKSPACE_ID"] = "ws", [WorkspaceConfig.AccessTokenVariable] = Token, ["SECML_CREDENTIAL"] = "accessToken",
        });
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        File.WriteAllText(path, $$"""{"workspaceId": "ws", "credential": "accessToken", "accessToken": "{{Token}}"}""");

        config.ToString().Should().Contain("AccessToken = set (hidden)").And.NotContain(Token);
        var credential = SentinelCredentials.Create(config);
        credential.ToString().Should().NotContain(Token);
        credential.GetToken(new Azure.Core.TokenRequestContext(["https://api.loganalytics.io/.default"]), default).Token.Should().Be(Token);
        var inFile = FluentActions.Invoking(() => WorkspaceConfig.Load(path, new Dictionary<string, string?>())).Should().Throw<FormatException>().Which;
        inFile.Message.Should().Contain("'accessToken'").And.Contain(WorkspaceConfig.AccessTokenVariable);
        inFile.ToString().Should().NotContain(Token);
        var missing = WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_CREDENTIAL"] = "AccessToken" });
        FluentActions.Invoking(() => SentinelCredentials.Create(missing)).Should().Throw<InvalidOperationException>()
            .WithMessage("Access-token sign-in needs the SECML_ACCESS_TOKEN environment variable*");
    }

    [Fact]
    public async Task An_environment_token_on_a_pinned_connection_never_appears_in_verbose_logs_or_exception_text()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logs.Enqueue(message), EventLevel.Verbose);
        var connection = new SentinelConnection(WorkspaceConfig.Load(null, new Dictionary<string, string?>
        {
            ["SECML_WORKSPACE_ID"] = "ws", ["SECML_QUERY_ENDPOINT"] = _server.Endpoint.AbsoluteUri, ["SECML_DCE"] = _server.Endpoint.AbsoluteUri,
            ["SECML_DCR_ID"] = "dcr-1", ["SECML_CREDENTIAL"] = "AccessToken", [WorkspaceConfig.AccessTokenVariable] = FakeMonitorServer.Token,
            ["SECML_SERVER_CERTIFICATE_SHA256"] = TestCertificate.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
        }));
        connection.QueryClientOptions.Diagnostics.IsLoggingContentEnabled = true;
        connection.IngestionClientOptions.Diagnostics.IsLoggingContentEnabled = true;

        await connection.CreateQueryClient().QueryWorkspaceAsync("ws", "SecurityEvent | take 1");
        await connection.CreateResultsSink().WriteAsync("X_CL", new[] { new { A = 1 } });
        _server.QueryFaults.Enqueue(FakeResponse.Error(403, "Forbidden", "no"));
        var texts = new List<string> { (await Record(() => connection.CreateQueryClient().QueryWorkspaceAsync("ws", "q"))).ToString(), connection.Config.ToString() };

        _server.Queries.Should().HaveCount(2, "the token and the pin were accepted");
        logs.Should().Contain(message => message.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        logs.Concat(texts).Should().NotContain(text => text.Contains("FAKE-SECRET-TOKEN", StringComparison.Ordinal));
    }

    private static async Task<Exception> Record(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (RequestFailedException exception)
        {
            return exception;
        }
        throw new InvalidOperationException("Expected the call to fail.");
    }
}
