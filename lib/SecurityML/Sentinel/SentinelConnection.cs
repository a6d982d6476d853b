using Azure.Core;
using SecurityML.Results;

namespace SecurityML.Sentinel;

/// <summary>
/// A configured workspace connection: settings, credential and client options, and the clients, provider and results
/// sink made from them. <see cref="FromConfigFile"/> is what
/// <see cref="Workspace.Open(string, string, string, string?)"/> uses for source <c>sentinel</c>; construct one
/// directly to supply your own credential or transport.
/// </summary>
public sealed class SentinelConnection
{
    /// <summary>Creates a connection.</summary>
    /// <param name="config">The settings.</param>
    /// <param name="credential">The credential; null creates the one the config asks for
    /// (<see cref="SentinelCredentials"/>).</param>
    public SentinelConnection(WorkspaceConfig config, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Credential = credential ?? SentinelCredentials.Create(config);
        QueryClientOptions = new LogAnalyticsQueryClientOptions { Audience = config.Cloud.QueryEndpoint };
        IngestionClientOptions = new LogsIngestionClientOptions { Audience = config.Cloud.IngestionAudience };
        RedactingPolicy.Install(QueryClientOptions);
        RedactingPolicy.Install(IngestionClientOptions);
        if (config.ServerCertificateSha256 is { } thumbprint)
        {
            QueryClientOptions.Transport = CertificatePinning.CreateTransport(thumbprint);
            IngestionClientOptions.Transport = CertificatePinning.CreateTransport(thumbprint);
        }
    }

    /// <summary>The settings.</summary>
    public WorkspaceConfig Config { get; }

    /// <summary>The credential.</summary>
    public TokenCredential Credential { get; }

    /// <summary>Options of the query clients created here (retries, transport, server timeout); the transport pins
    /// <see cref="WorkspaceConfig.ServerCertificateSha256"/> when it is set.</summary>
    public LogAnalyticsQueryClientOptions QueryClientOptions { get; }

    /// <summary>Options of the ingestion clients created here (retries, transport, batch size); the transport pins
    /// <see cref="WorkspaceConfig.ServerCertificateSha256"/> when it is set. Like the query options they refuse tokens
    /// holding control characters and remove echoed secrets from responses (<see cref="SecretRedaction"/>).</summary>
    public LogsIngestionClientOptions IngestionClientOptions { get; }

    /// <summary>Loads settings (<see cref="WorkspaceConfig.Load"/>) and creates the configured credential.</summary>
    public static SentinelConnection FromConfigFile(string? path) => new(WorkspaceConfig.Load(path));

    /// <summary>A query client for the configured endpoint.</summary>
    public LogAnalyticsQueryClient CreateQueryClient() =>
        new(Config.EffectiveQueryEndpoint, Credential, QueryClientOptions);

    /// <summary>A query provider for the configured workspace.</summary>
    /// <param name="filter">Account/computer filters applied in the workspace; null for none.</param>
    /// <param name="localDataFolder">Where data sets a workspace does not hold (planted-anomaly labels, OCSF) are read
    /// (<see cref="LogAnalyticsQueryProvider.LocalDataFolder"/>); null makes them throw.</param>
    /// <exception cref="InvalidOperationException">When no workspace id is configured.</exception>
    public LogAnalyticsQueryProvider CreateQueryProvider(
        SentinelQueryFilter? filter = null,
        string? localDataFolder = null
    )
    {
        Config.RequireQuery();
        return new LogAnalyticsQueryProvider(CreateQueryClient(), Config.WorkspaceId!, filter)
        {
            LocalDataFolder = string.IsNullOrWhiteSpace(localDataFolder) ? null : Path.GetFullPath(localDataFolder),
        };
    }

    /// <summary>An ingestion client for the configured data collection endpoint.</summary>
    /// <exception cref="InvalidOperationException">When the endpoint or rule id is not configured.</exception>
    public LogsIngestionClient CreateIngestionClient()
    {
        Config.RequireIngestion();
        return new LogsIngestionClient(Config.DataCollectionEndpoint!, Credential, IngestionClientOptions);
    }

    /// <summary>A results sink writing to the configured DCR and streams.</summary>
    public IResultsSink CreateResultsSink() =>
        new LogAnalyticsResultsSink(
            CreateIngestionClient(),
            Config.DataCollectionRuleId!,
            Config.Streams,
            Config.DataCollectionRules
        );
}
