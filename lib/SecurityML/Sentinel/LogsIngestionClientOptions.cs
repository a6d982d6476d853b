using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// Options of <see cref="LogsIngestionClient"/>: retries (<see cref="ClientOptions.Retry"/>: on 408, 429 and 5xx
/// responses, honouring <c>Retry-After</c> up to <see cref="RetryOptions.MaxDelay"/>; never after a network timeout,
/// which cannot tell whether the batch was stored), an overall <see cref="UploadTimeout"/>, transport, diagnostics,
/// token audience and batch size.
/// </summary>
/// <remarks>
/// A <c>Retry-After</c> (or <c>retry-after-ms</c>) longer than <see cref="RetryOptions.MaxDelay"/> (default 60 s), or
/// one that would end after <see cref="UploadTimeout"/>, is not waited for and not shortened: the upload stops at once
/// with a <see cref="LogsIngestionException"/> that names the requested wait and where to resume. (Azure.Core's own
/// policy waits for any <c>Retry-After</c>, however long, because it takes the larger of the server's delay and its
/// capped back-off.) A <see cref="ClientOptions.RetryPolicy"/> set by the caller replaces this behaviour.
/// </remarks>
public class LogsIngestionClientOptions : ClientOptions
{
    /// <summary>The service's limit per call, 1 MB; batches stay at or under 1,000,000 bytes of uncompressed
    /// JSON.</summary>
    public const int ServiceMaximumBatchBytes = 1_000_000;

    /// <summary>The default <see cref="UploadTimeout"/>: one hour.</summary>
    public static readonly TimeSpan DefaultUploadTimeout = TimeSpan.FromHours(1);

    private int _maximumBatchBytes = ServiceMaximumBatchBytes;
    private TimeSpan _uploadTimeout = DefaultUploadTimeout;

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
            throw new ArgumentOutOfRangeException(
                nameof(version),
                version,
                $"Expected {ServiceVersion.V2023_01_01}, received {version}."
            );
        }
        Version = version;
    }

    /// <summary>The API version in use.</summary>
    public ServiceVersion Version { get; }

    /// <summary>The <c>api-version</c> query value, <c>2023-01-01</c>.</summary>
    public string ApiVersion => "2023-01-01";

    /// <summary>The token audience; default <c>https://monitor.azure.com</c> (scope
    /// <c>https://monitor.azure.com//.default</c>). Set it for a sovereign cloud (see
    /// <see cref="AzureMonitorCloud"/>).</summary>
    public Uri Audience { get; set; } = AzureMonitorCloud.Public.IngestionAudience;

    /// <summary>The largest uncompressed JSON array sent in one call; default and maximum 1,000,000 bytes; minimum
    /// 1,024. Batches are gzip-compressed on the wire.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When outside [1,024, 1,000,000].</exception>
    public int MaximumBatchBytes
    {
        get => _maximumBatchBytes;
        set =>
            _maximumBatchBytes = value is >= 1024 and <= ServiceMaximumBatchBytes
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(MaximumBatchBytes),
                    value,
                    $"Expected [1024, {ServiceMaximumBatchBytes}] bytes, received {value}."
                );
    }

    /// <summary>The longest one typed upload (<c>Upload&lt;T&gt;</c>) may take, retries and waits included; default one
    /// hour; <see cref="Timeout.InfiniteTimeSpan"/> for none. When it passes, the upload stops with a
    /// <see cref="LogsIngestionException"/> saying where to resume (a batch in flight then has an unknown
    /// outcome).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When not positive (and not
    /// <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan UploadTimeout
    {
        get => _uploadTimeout;
        set =>
            _uploadTimeout =
                value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
                    ? value
                    : throw new ArgumentOutOfRangeException(
                        nameof(UploadTimeout),
                        value,
                        $"Expected a positive duration or Timeout.InfiniteTimeSpan, received {value}."
                    );
    }
}
