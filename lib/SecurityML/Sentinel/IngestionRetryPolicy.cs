using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// Azure.Core's retry policy (same back-off, same retriable responses) with two limits on the wait a server asks for:
/// a <c>Retry-After</c> / <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c> longer than
/// <see cref="RetryOptions.MaxDelay"/>, or one that would end after the upload's deadline, stops the retries at once
/// (the wait is neither taken nor shortened, since retrying earlier than asked only earns another 429). The reason is
/// left on the message (<see cref="RefusalProperty"/>) for the error text. Azure.Core alone waits max(server delay,
/// capped back-off), so a <c>Retry-After: 3600</c> would block for an hour whatever <see cref="RetryOptions.MaxDelay"/>
/// says.
/// </summary>
internal sealed class IngestionRetryPolicy(RetryOptions retry)
    : RetryPolicy(
        retry.MaxRetries,
        retry.Mode == RetryMode.Fixed
            ? DelayStrategy.CreateFixedDelayStrategy(retry.Delay)
            : DelayStrategy.CreateExponentialDelayStrategy(retry.Delay, retry.MaxDelay)
    )
{
    /// <summary>Message property: the upload's deadline (<see cref="DateTimeOffset"/>, UTC).</summary>
    public const string DeadlineProperty = "SecurityML.UploadDeadline";

    /// <summary>Message property: why a retriable response was not retried (a sentence).</summary>
    public const string RefusalProperty = "SecurityML.RetryRefused";

    private readonly TimeSpan _maximumDelay = retry.MaxDelay;

    /// <inheritdoc />
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && WaitAllowed(message);

    /// <inheritdoc />
    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && WaitAllowed(message);

    private bool WaitAllowed(HttpMessage message)
    {
        if (!message.HasResponse || ServerDelay(message.Response) is not { } wait)
        {
            return true;
        }
        if (wait > _maximumDelay)
        {
            message.SetProperty(
                RefusalProperty,
                $"The service asked to wait {Seconds(wait)} before retrying (Retry-After), "
                    + $"longer than Retry.MaxDelay ({Seconds(_maximumDelay)}): stopped instead of waiting."
            );
            return false;
        }
        if (
            message.TryGetProperty(DeadlineProperty, out var value)
            && value is DateTimeOffset deadline
            && DateTimeOffset.UtcNow + wait > deadline
        )
        {
            message.SetProperty(
                RefusalProperty,
                $"The service asked to wait {Seconds(wait)} before retrying (Retry-After), "
                    + "which would end after the upload's deadline (LogsIngestionClientOptions.UploadTimeout): "
                    + "stopped instead of waiting."
            );
            return false;
        }
        return true;
    }

    /// <summary>The wait the response asks for: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> (milliseconds) or
    /// <c>Retry-After</c> (seconds or an HTTP date), in that order, as Azure.Core reads them; null when none
    /// parses.</summary>
    internal static TimeSpan? ServerDelay(Response response)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (
                response.Headers.TryGetValue(name, out var milliseconds)
                && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= 0
            )
            {
                return TimeSpan.FromMilliseconds(value);
            }
        }
        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter))
        {
            return null;
        }
        if (
            double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0
        )
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(
            retryAfter,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var date
        )
            ? TimeSpan.FromTicks(Math.Max(0, (date - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    private static string Seconds(TimeSpan delay) =>
        delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
