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
        var query = TestClients.Query(
            _server,
            configure: options => options.Diagnostics.IsLoggingContentEnabled = true
        );
        var ingestion = TestClients.Ingestion(
            _server,
            configure: options => options.Diagnostics.IsLoggingContentEnabled = true
        );

        await query.QueryWorkspaceAsync("ws", "SecurityEvent | take 1");
        await ingestion.UploadAsync("dcr-1", "Custom-X_CL", new[] { new { A = 1 } });
        _server.QueryFaults.Enqueue(FakeResponse.Error(403, "Forbidden", "no"));
        texts.Add((await Record(() => query.QueryWorkspaceAsync("ws", "q"))).ToString());
        _server.IngestionFaults.Enqueue(FakeResponse.Error(400, "InvalidArgument", "bad"));
        texts.Add(
            (await Record(() => ingestion.UploadAsync("dcr-1", "Custom-X_CL", new[] { new { A = 2 } }))).ToString()
        );
        texts.Add(
            (
                await Record(() =>
                    TestClients
                        .Query(_server, new StaticTokenCredential(FakeMonitorServer.Token + "-old"))
                        .QueryWorkspaceAsync("ws", "q")
                )
            ).ToString()
        );

        logs.Should()
            .Contain(
                message => message.Contains("Authorization", StringComparison.OrdinalIgnoreCase),
                "the request headers are logged, so the check below means something"
            );
        logs.Concat(texts).Should().NotContain(text => text.Contains("FAKE-SECRET-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_secret_is_read_from_the_environment_only_and_never_shown()
    {
        var config = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?>
            {
                ["SECML_WORKSPACE_ID"] = "ws",
                ["AZURE_CLIENT_SECRET"] = ClientSecret,
                ["SECML_CREDENTIAL"] = "clientSecret",
            }
        );

        config.ToString().Should().Contain("ClientSecret = set (hidden)").And.NotContain(ClientSecret);
        var missingTenant = FluentActions
            .Invoking(() => SentinelCredentials.Create(config))
            .Should()
            .Throw<InvalidOperationException>()
            .Which;
        missingTenant.ToString().Should().Contain("tenantId").And.NotContain(ClientSecret);
    }

    [Fact]
    public void A_config_file_holding_a_secret_is_refused_without_echoing_it()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        File.WriteAllText(path, $$"""{"workspaceId": "ws", "clientSecret": "{{ClientSecret}}"}""");

        var thrown = FluentActions
            .Invoking(() => WorkspaceConfig.Load(path, new Dictionary<string, string?>()))
            .Should()
            .Throw<FormatException>()
            .Which;

        thrown.Message.Should().Contain("'clientSecret'").And.Contain("AZURE_CLIENT_SECRET");
        thrown.ToString().Should().NotContain(ClientSecret);
        FluentActions
            .Invoking(() =>
                WorkspaceConfig.Load(
                    null,
                    new Dictionary<string, string?> { ["SECML_DCE"] = $"https://app:{ClientSecret}@dce.example" }
                )
            )
            .Should()
            .Throw<FormatException>()
            .Which.ToString()
            .Should()
            .NotContain(ClientSecret);
    }

    [Fact]
    public void The_access_token_is_read_from_the_environment_only_and_never_shown()
    {
        const string Token = "eyJ0eXAi.ACCESS-TOKEN-from-environment.c2ln";
        var config = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?>
            {
                ["SECML_WORKSPACE_ID"] = "ws",
                [WorkspaceConfig.AccessTokenVariable] = Token,
                ["SECML_CREDENTIAL"] = "accessToken",
            }
        );
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        File.WriteAllText(path, $$"""{"workspaceId": "ws", "credential": "accessToken", "accessToken": "{{Token}}"}""");

        config.ToString().Should().Contain("AccessToken = set (hidden)").And.NotContain(Token);
        var credential = SentinelCredentials.Create(config);
        credential.ToString().Should().NotContain(Token);
        credential
            .GetToken(new Azure.Core.TokenRequestContext(["https://api.loganalytics.io/.default"]), default)
            .Token.Should()
            .Be(Token);
        var inFile = FluentActions
            .Invoking(() => WorkspaceConfig.Load(path, new Dictionary<string, string?>()))
            .Should()
            .Throw<FormatException>()
            .Which;
        inFile.Message.Should().Contain("'accessToken'").And.Contain(WorkspaceConfig.AccessTokenVariable);
        inFile.ToString().Should().NotContain(Token);
        var missing = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?> { ["SECML_CREDENTIAL"] = "AccessToken" }
        );
        FluentActions
            .Invoking(() => SentinelCredentials.Create(missing))
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage("Access-token sign-in needs the SECML_ACCESS_TOKEN environment variable*");
    }

    [Fact]
    public async Task An_environment_token_on_a_pinned_connection_never_appears_in_verbose_logs_or_exception_text()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logs.Enqueue(message), EventLevel.Verbose);
        var connection = new SentinelConnection(
            WorkspaceConfig.Load(
                null,
                new Dictionary<string, string?>
                {
                    ["SECML_WORKSPACE_ID"] = "ws",
                    ["SECML_QUERY_ENDPOINT"] = _server.Endpoint.AbsoluteUri,
                    ["SECML_DCE"] = _server.Endpoint.AbsoluteUri,
                    ["SECML_DCR_ID"] = "dcr-1",
                    ["SECML_CREDENTIAL"] = "AccessToken",
                    [WorkspaceConfig.AccessTokenVariable] = FakeMonitorServer.Token,
                    ["SECML_SERVER_CERTIFICATE_SHA256"] = TestCertificate.Certificate.GetCertHashString(
                        System.Security.Cryptography.HashAlgorithmName.SHA256
                    ),
                }
            )
        );
        connection.QueryClientOptions.Diagnostics.IsLoggingContentEnabled = true;
        connection.IngestionClientOptions.Diagnostics.IsLoggingContentEnabled = true;

        await connection.CreateQueryClient().QueryWorkspaceAsync("ws", "SecurityEvent | take 1");
        await connection.CreateResultsSink().WriteAsync("X_CL", new[] { new { A = 1 } });
        _server.QueryFaults.Enqueue(FakeResponse.Error(403, "Forbidden", "no"));
        var texts = new List<string>
        {
            (await Record(() => connection.CreateQueryClient().QueryWorkspaceAsync("ws", "q"))).ToString(),
            connection.Config.ToString(),
        };

        _server.Queries.Should().HaveCount(2, "the token and the pin were accepted");
        logs.Should().Contain(message => message.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        logs.Concat(texts).Should().NotContain(text => text.Contains("FAKE-SECRET-TOKEN", StringComparison.Ordinal));
    }

    /// <summary>Every text an exception carries to a user: message, ToString and the inner exceptions.</summary>
    private static string AllText(Exception exception)
    {
        var texts = new List<string> { exception.ToString() };
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            texts.Add(inner.Message);
            if (inner is RequestFailedException failed)
            {
                texts.Add(failed.ErrorCode ?? "");
            }
        }
        return string.Join("\n", texts);
    }

    [Fact]
    public async Task A_server_echoing_the_authorization_header_never_gets_the_token_into_exceptions_results_or_logs()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logs.Enqueue(message), EventLevel.Verbose);
        _server.EchoAuthorization = true;
        var echoed = FakeResponse.Error(
            400,
            "BadArgumentError",
            "Rejected request with Authorization: " + FakeMonitorServer.AuthorizationPlaceholder
        );
        var partial = new
        {
            code = "PartialError",
            message = "There were some errors.",
            details = new[]
            {
                new
                {
                    code = "EngineError",
                    message = "Low memory while serving "
                        + FakeMonitorServer.AuthorizationPlaceholder
                        + " (E_LOW_MEMORY_CONDITION)",
                },
            },
        };
        var partialBody = new FakeResponse(
            200,
            TableJson.Response(new[] { new SecurityML.Data.UserDirectoryEntry { Account = "a" } }, partial)
        );
        _server.QueryResponder = _ => partialBody;
        var client = TestClients.Query(
            _server,
            configure: options => options.Diagnostics.IsLoggingContentEnabled = true
        );
        const string OldToken = "eyJhbGciOi.OLD-SECRET-TOKEN-0a1b2c.c2lnbmF0dXJl";
        var texts = new List<string>();

        texts.Add(
            AllText(
                await Record(() =>
                    TestClients.Query(_server, new StaticTokenCredential(OldToken)).QueryWorkspaceAsync("ws", "q")
                )
            )
        );
        _server.QueryFaults.Enqueue(echoed);
        texts.Add(AllText(await Record(() => client.QueryWorkspaceAsync("ws", "q"))));
        texts.Add(AllText(await Record(() => client.QueryWorkspaceAsync("ws", "q"))));
        var allowed = await client.QueryWorkspaceAsync(
            "ws",
            "q",
            options: new LogAnalyticsQueryOptions { AllowPartialErrors = true }
        );
        texts.Add(allowed.Value.Error!.ToString());
        texts.Add(allowed.GetRawResponse().Content.ToString());
        var exporter = new LogAnalyticsExporter(
            new LogAnalyticsQueryProvider(client, "ws"),
            new LogAnalyticsExportOptions { PartialRetryDelay = TimeSpan.Zero }
        );
        using var folder = new TemporaryFolder();
        var export = await FluentActions
            .Awaiting(() =>
                exporter.ExportAsync(
                    SecurityML.Data.DataSets.UserDirectory,
                    new SecurityML.Data.TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)),
                    folder.Path
                )
            )
            .Should()
            .ThrowAsync<InvalidOperationException>();
        texts.Add(AllText(export.Which));

        texts
            .Should()
            .HaveCount(6)
            .And.OnlyContain(
                text => text.Contains(SecretRedaction.Replacement),
                "every text held an echoed token, now redacted"
            );
        texts[0].Should().Contain("sign in again");
        logs.Should()
            .Contain(
                message => message.Contains(SecretRedaction.Replacement, StringComparison.Ordinal),
                "response bodies are logged, and only after the secrets were removed"
            );
        logs.Concat(texts).Should().NotContain(text => text.Contains("SECRET-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ingestion_endpoint_echoing_the_authorization_header_never_gets_the_token_into_the_exception()
    {
        _server.EchoAuthorization = true;
        _server.IngestionFaults.Enqueue(
            FakeResponse.Error(
                403,
                "OperationFailed",
                "The authentication token provided does not have access; Authorization: "
                    + FakeMonitorServer.AuthorizationPlaceholder
            )
        );
        var client = TestClients.Ingestion(_server);

        var thrown = await Record(() =>
            client.UploadAsync("dcr-00000000000000000000000000000000", "Custom-Test", new[] { new { A = 1 } })
        );

        thrown.Should().BeOfType<LogsIngestionException>();
        AllText(thrown)
            .Should()
            .NotContain(FakeMonitorServer.Token)
            .And.Contain(SecretRedaction.Replacement, "the echoed token reached the message, redacted");
    }

    [Theory]
    [InlineData("eyJ0eXAi.line-one\r\nX-Injected: yes")]
    [InlineData("eyJ0eXAi.bell\u0007inside.c2ln")]
    [InlineData("eyJ0eXAi.delete\u007finside.c2ln")]
    public async Task Tokens_with_control_characters_are_refused_without_showing_them(string token)
    {
        var config = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?>
            {
                ["SECML_WORKSPACE_ID"] = "ws",
                [WorkspaceConfig.AccessTokenVariable] = token,
                ["SECML_CREDENTIAL"] = "accessToken",
            }
        );

        var refused = FluentActions
            .Invoking(() => SentinelCredentials.Create(config))
            .Should()
            .Throw<FormatException>()
            .Which;
        var sent = await FluentActions
            .Awaiting(() => TestClients.Query(_server, new StaticTokenCredential(token)).QueryWorkspaceAsync("ws", "q"))
            .Should()
            .ThrowAsync<InvalidOperationException>();

        refused.Message.Should().Contain(WorkspaceConfig.AccessTokenVariable).And.Contain("control character");
        sent.Which.Message.Should().Contain("control character").And.Contain("not sent");
        foreach (var text in new[] { refused.ToString(), sent.Which.ToString() })
        {
            text.Should().NotContain("eyJ0eXAi").And.NotContain("inside").And.NotContain("line-one");
        }
        _server.Queries.Should().BeEmpty("nothing reached the server");
    }

    [Fact]
    public async Task A_client_secret_echoed_by_a_server_is_removed_from_the_exception()
    {
        var config = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?>
            {
                ["SECML_WORKSPACE_ID"] = "ws",
                ["AZURE_CLIENT_SECRET"] = ClientSecret,
                ["SECML_CREDENTIAL"] = "clientSecret",
                ["AZURE_TENANT_ID"] = "00000000-0000-0000-0000-000000000001",
                ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000002",
            }
        );
        SentinelCredentials.Create(config).Should().NotBeNull();
        _server.QueryFaults.Enqueue(FakeResponse.Error(400, "BadArgumentError", "client_secret=" + ClientSecret));

        var thrown = await Record(() => TestClients.Query(_server).QueryWorkspaceAsync("ws", "q"));

        AllText(thrown).Should().NotContain(ClientSecret).And.Contain("client_secret=" + SecretRedaction.Replacement);
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
