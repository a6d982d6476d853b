using Azure.Core;
using Azure.Core.Pipeline;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>Client options for the fake server: pinned test certificate, tiny retry delays, short network
/// timeout.</summary>
internal static class TestClients
{
    public static T Configure<T>(T options, int maximumRetries = 3)
        where T : ClientOptions
    {
        options.Transport = new HttpClientTransport(
            new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                    TestCertificate.Validate(certificate),
            }
        );
        options.Retry.MaxRetries = maximumRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public static LogAnalyticsQueryClient Query(
        FakeMonitorServer server,
        TokenCredential? credential = null,
        Action<LogAnalyticsQueryClientOptions>? configure = null,
        int maximumRetries = 3
    )
    {
        var options = Configure(new LogAnalyticsQueryClientOptions(), maximumRetries);
        configure?.Invoke(options);
        return new LogAnalyticsQueryClient(
            server.Endpoint,
            credential ?? new StaticTokenCredential(FakeMonitorServer.Token),
            options
        );
    }

    public static LogsIngestionClient Ingestion(
        FakeMonitorServer server,
        TokenCredential? credential = null,
        Action<LogsIngestionClientOptions>? configure = null,
        int maximumRetries = 3
    )
    {
        var options = Configure(new LogsIngestionClientOptions(), maximumRetries);
        configure?.Invoke(options);
        return new LogsIngestionClient(
            server.Endpoint,
            credential ?? new StaticTokenCredential(FakeMonitorServer.Token),
            options
        );
    }

    /// <summary>The workspace ID the fake server's configs use.</summary>
    public const string WorkspaceId = "11111111-2222-3333-4444-555555555555";

    /// <summary>Writes a workspace config for the fake server to <paramref name="path"/> (access-token credential,
    /// the given certificate pin) and loads it with <paramref name="token"/> as the token variable.</summary>
    public static WorkspaceConfig WorkspaceConfigFile(FakeMonitorServer server, string path, string? pin, string? token)
    {
        File.WriteAllText(
            path,
            System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, string?>
                {
                    ["workspaceId"] = WorkspaceId,
                    ["queryEndpoint"] = server.Endpoint.AbsoluteUri,
                    ["dataCollectionEndpoint"] = server.Endpoint.AbsoluteUri,
                    ["dataCollectionRuleId"] = "dcr-0123",
                    ["credential"] = "AccessToken",
                    ["serverCertificateSha256"] = pin,
                }
            )
        );
        return WorkspaceConfig.Load(
            path,
            new Dictionary<string, string?> { [WorkspaceConfig.AccessTokenVariable] = token }
        );
    }
}
