using System.Text;
using Azure;
using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>One typed upload of <see cref="LogsIngestionClient"/>: batches in order, bisects a rejected (400) batch down
/// to the offending row, and reports exactly how many rows were accepted when it stops.</summary>
internal sealed class BatchUploader(LogsIngestionClient client, string ruleId, string streamName, bool async, CancellationToken cancellationToken)
{
    private const int PreviewCharacters = 300;
    private long _confirmed;
    private int _batches;
    private long _uncompressed;
    private long _compressed;
    private Response? _lastResponse;

    public async ValueTask<Response<LogsUploadResult>> UploadAsync<T>(IEnumerable<T> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        IEnumerator<JsonBatch> batches;
        try
        {
            batches = JsonBatcher.Batches(logs, client.MaximumBatchBytes).GetEnumerator();
        }
        catch (ArgumentException exception)
        {
            throw Stopped(0, exception.Message, null, rejected: null, unknown: false, exception);
        }
        using (batches)
        {
            while (NextBatch(batches))
            {
                await SendOrLocateAsync(batches.Current).ConfigureAwait(false);
            }
        }
        var result = new LogsUploadResult(_confirmed, _batches, _uncompressed, _compressed);
        return _lastResponse is null ? Response.FromValue(result, new NoBodyResponse()) : Response.FromValue(result, _lastResponse);
    }

    private bool NextBatch(IEnumerator<JsonBatch> batches)
    {
        try
        {
            return batches.MoveNext();
        }
        catch (ArgumentException exception)
        {
            throw Stopped(0, exception.Message, null, rejected: null, unknown: false, exception);
        }
    }

    private async ValueTask SendOrLocateAsync(JsonBatch batch)
    {
        var failure = await TrySendAsync(batch).ConfigureAwait(false);
        if (failure is null)
        {
            return;
        }
        if (failure.Status != 400)
        {
            throw Stopped(failure.Status, failure.Message, failure.ErrorCode, rejected: null, unknown: false, failure);
        }
        await LocateRejectedRowAsync(batch, failure).ConfigureAwait(false);
    }

    /// <summary>Halves a rejected batch, sending the good halves, until one row is left; that row is reported.</summary>
    private async ValueTask LocateRejectedRowAsync(JsonBatch batch, RequestFailedException failure)
    {
        while (batch.Rows.Count > 1)
        {
            var half = batch.Rows.Count / 2;
            var left = batch.Slice(0, half);
            var leftFailure = await TrySendAsync(left).ConfigureAwait(false);
            if (leftFailure is not null)
            {
                (batch, failure) = CheckRejection(left, leftFailure);
                continue;
            }
            var right = batch.Slice(half, batch.Rows.Count - half);
            var rightFailure = await TrySendAsync(right).ConfigureAwait(false);
            if (rightFailure is null)
            {
                return;
            }
            (batch, failure) = CheckRejection(right, rightFailure);
        }
        var preview = Encoding.UTF8.GetString(batch.Rows[0]);
        preview = preview.Length <= PreviewCharacters ? preview : preview[..PreviewCharacters] + "…";
        throw Stopped(400,
            $"The service rejected row {batch.FirstIndex} ({failure.Message}) Row {batch.FirstIndex}: {preview}. Check that the "
            + $"row's columns and types match stream '{streamName}' in the DCR.", failure.ErrorCode, batch.FirstIndex, unknown: false, failure);
    }

    private (JsonBatch, RequestFailedException) CheckRejection(JsonBatch half, RequestFailedException failure) =>
        failure.Status == 400
            ? (half, failure)
            : throw Stopped(failure.Status, failure.Message, failure.ErrorCode, rejected: null, unknown: false, failure);

    /// <summary>Sends a batch; null when accepted, the service's refusal otherwise. No response at all throws.</summary>
    private async ValueTask<RequestFailedException?> TrySendAsync(JsonBatch batch)
    {
        var body = batch.ToGzip();
        try
        {
            _lastResponse = await client.SendAsync(ruleId, streamName, RequestContent.Create(body), "gzip", async, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status != 0)
        {
            return failure;
        }
        catch (Exception exception) when (exception is RequestFailedException or IOException or TimeoutException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Stopped(0, $"Rows {batch.FirstIndex}..{batch.FirstIndex + batch.Rows.Count - 1} got no response "
                + $"({exception.GetType().Name}); the service may or may not have stored them.", null, rejected: null, unknown: true, exception);
        }
        _confirmed += batch.Rows.Count;
        _batches++;
        _uncompressed += batch.Bytes;
        _compressed += body.Length;
        return null;
    }

    private LogsIngestionException Stopped(int status, string what, string? code, long? rejected, bool unknown, Exception? inner) =>
        new(status, $"Upload to stream '{streamName}' stopped: {what} Rows 0..{_confirmed - 1} ({_confirmed}) were accepted; "
            + $"rows from index {_confirmed} on were not sent{(unknown ? " (except the batch above, whose outcome is unknown)" : "")}: "
            + $"upload rows.Skip({_confirmed}) again.", code, _confirmed, rejected, unknown, inner);
}
