using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// Options of <see cref="LogAnalyticsQueryClient"/>: retries (<see cref="ClientOptions.Retry"/>: by default 3 retries,
/// exponential back-off from 0.8 s, honouring <c>Retry-After</c> on 429 and 5xx), transport, diagnostics, the token
/// audience and the server timeout.
/// </summary>
public class LogAnalyticsQueryClientOptions : ClientOptions
{
    /// <summary>The longest server timeout the service allows: 10 minutes.</summary>
    public static readonly TimeSpan MaximumServerTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long the client waits beyond the server timeout before giving up on a response: 15 s.</summary>
    public static readonly TimeSpan NetworkTimeoutMargin = TimeSpan.FromSeconds(15);

    private TimeSpan? _serverTimeout;

    /// <summary>The versions of the query API.</summary>
    public enum ServiceVersion
    {
        /// <summary>The <c>v1</c> API.</summary>
        V1 = 1,
    }

    /// <summary>Creates options for a service version (default the latest, <see cref="ServiceVersion.V1"/>).</summary>
    public LogAnalyticsQueryClientOptions(ServiceVersion version = ServiceVersion.V1)
    {
        if (version != ServiceVersion.V1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(version),
                version,
                $"Expected {ServiceVersion.V1}, received {version}."
            );
        }
        Version = version;
    }

    /// <summary>The API version in use.</summary>
    public ServiceVersion Version { get; }

    /// <summary>The token audience; default <c>https://api.loganalytics.io</c> (public cloud). Set it for a
    /// sovereign cloud (see <see cref="AzureMonitorCloud"/>); the scope requested is
    /// <c>{audience}/.default</c>.</summary>
    public Uri Audience { get; set; } = AzureMonitorCloud.Public.QueryEndpoint;

    /// <summary>The default server timeout of each query, sent as <c>Prefer: wait=seconds</c>; null (default) leaves
    /// the service default (3 minutes). Range (0, 10 minutes]; a per-query
    /// <see cref="LogAnalyticsQueryOptions.ServerTimeout"/> wins.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When outside (0, 10 minutes].</exception>
    public TimeSpan? ServerTimeout
    {
        get => _serverTimeout;
        set => _serverTimeout = CheckServerTimeout(value, nameof(ServerTimeout));
    }

    internal static TimeSpan? CheckServerTimeout(TimeSpan? value, string name)
    {
        if (value is { } timeout && (timeout <= TimeSpan.Zero || timeout > MaximumServerTimeout))
        {
            throw new ArgumentOutOfRangeException(
                name,
                timeout,
                $"The server timeout must be in (0, {MaximumServerTimeout}]; received {timeout}."
            );
        }
        return value;
    }
}
