using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// Options of <see cref="LogsIngestionClient"/>: retries (<see cref="ClientOptions.Retry"/>: on 408, 429 and 5xx
/// responses, honouring <c>Retry-After</c>; never after a network timeout, which cannot tell whether the batch was
/// stored), transport, diagnostics, token audience and batch size.
/// </summary>
public class LogsIngestionClientOptions : ClientOptions
{
    /// <summary>The service's limit per call, 1 MB; batches stay at or under 1,000,000 bytes of uncompressed JSON.</summary>
    public const int ServiceMaximumBatchBytes = 1_000_000;

    private int _maximumBatchBytes = ServiceMaximumBatchBytes;

    /// <summary>The versions of the Logs Ingestion API.</summary>
    public enum ServiceVersion
    {
        /// <summary><c>2023-01-01</c>.</summary>
        V2023_01_01 = 1,
    }

    /// <summary>Creates options for a service version (default the latest).</summary>
    public LogsIngestionClientOptions(ServiceVersion version = ServiceVersion.V2023_01_01)
    {
        if (version != ServiceVersion.V2023_01_01)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, $"Expected {ServiceVersion.V2023_01_01}, received {version}.");
        }
        Version = version;
    }

    /// <summary>The API version in use.</summary>
    public ServiceVersion Version { get; }

    /// <summary>The <c>api-version</c> query value, <c>2023-01-01</c>.</summary>
    public string ApiVersion => "2023-01-01";

    /// <summary>The token audience; default <c>https://monitor.azure.com</c> (scope <c>https://monitor.azure.com//.default</c>).
    /// Set it for a sovereign cloud (see <see cref="AzureMonitorCloud"/>).</summary>
    public Uri Audience { get; set; } = AzureMonitorCloud.Public.IngestionAudience;

    /// <summary>The largest uncompressed JSON array sent in one call; default and maximum 1,000,000 bytes; minimum 1,024.
    /// Batches are gzip-compressed on the wire.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When outside [1,024, 1,000,000].</exception>
    public int MaximumBatchBytes
    {
        get => _maximumBatchBytes;
        set => _maximumBatchBytes = value is >= 1024 and <= ServiceMaximumBatchBytes
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumBatchBytes), value,
                $"Expected [1024, {ServiceMaximumBatchBytes}] bytes, received {value}.");
    }
}
