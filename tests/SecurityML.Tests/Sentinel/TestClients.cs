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
}
