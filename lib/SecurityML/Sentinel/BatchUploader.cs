using System.Text;
using Azure;
using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// One typed upload of <see cref="LogsIngestionClient"/>. Rows are settled strictly in index order: a batch the service
/// accepts settles its rows; a batch refused with 400 is halved and both halves are sent (left first), down to single
/// rows, so every good part of it is stored and every row refused alone is reported with the service's reason. Any other
/// failure stops the upload at the first unsettled row. Before reporting anything the uploader checks
/// <c>accepted + rejected = settled rows</c> and throws instead of reporting a count that does not add up.
/// </summary>
/// <remarks>
/// A 400 about the request rather than a row (wrong stream, body the service cannot read) would refuse every row alone.
/// Rule: a row refused alone is a suspect until a later request is accepted, which proves the request itself acceptable;
/// then the suspects are reported as rejected. A run of suspects with nothing accepted in between — 2 before any request
/// of the upload was accepted, <see cref="MaximumRefusedRun"/> after — is taken as a request-level 400: no row is blamed
/// and the upload stops at the first suspect. (So two bad rows at the very start of an upload, or that many adjacent bad
/// rows later, are reported as a request-level error: nothing is lost, the message says both possibilities.) Suspects
/// left at the end of an upload in which a request was accepted are reported as rejected.
/// </remarks>
internal sealed class BatchUploader(LogsIngestionClient client, string ruleId, string streamName, LogsUploadOptions options,
    bool async, CancellationToken cancellationToken)
{
    private const int PreviewCharacters = 300;
    private const int ListedRejections = 5;

    /// <summary>Rows refused alone in a row, after some request was accepted, that make a 400 request-level.</summary>
    internal const int MaximumRefusedRun = 32;
    private readonly List<LogsRejectedRow> _rejected = [];
    private readonly long _start = options.StartIndex;
    private long _settled = options.StartIndex;
    private long _accepted;
    private int _batches;
    private long _uncompressed;
    private long _compressed;
    private string? _firstRejectedPreview;
    private readonly List<(JsonBatch Row, RequestFailedException Failure)> _suspects = [];
    private Response? _lastResponse;
    private CancellationTokenSource _deadline = null!;
    private DateTimeOffset? _deadlineAt;

    public async ValueTask<Response<LogsUploadResult>> UploadAsync<T>(IEnumerable<T> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (client.UploadTimeout != Timeout.InfiniteTimeSpan)
        {
            _deadlineAt = DateTimeOffset.UtcNow + client.UploadTimeout;
            deadline.CancelAfter(client.UploadTimeout);
        }
        _deadline = deadline;
        using (var batches = JsonBatcher.Batches(logs, client.MaximumBatchBytes, streamName, _start).GetEnumerator())
        {
            while (NextBatch(batches))
            {
                await SettleAsync(batches.Current).ConfigureAwait(false);
                CheckCounts(_suspects.Count > 0 ? _suspects[0].Row.FirstIndex : batches.Current.FirstIndex + batches.Current.Rows.Count);
            }
        }
        if (_suspects.Count > 0 && _accepted == 0)
        {
            throw RequestLevel();
        }
        BlameSuspects();
        if (_rejected.Count > 0)
        {
            throw Rejected();
        }
        var result = new LogsUploadResult(_accepted, _batches, _uncompressed, _compressed);
        return Response.FromValue(result, _lastResponse ?? new NoBodyResponse());
    }

    private bool NextBatch(IEnumerator<JsonBatch> batches)
    {
        try
        {
            return batches.MoveNext();
        }
        catch (ArgumentException exception)
        {
            throw Stopped(0, exception.Message, null, unknown: false, exception);
        }
    }

    /// <summary>Sends a batch; on 400 halves it (left part first) until each part is accepted or is one refused row.</summary>
    private async ValueTask SettleAsync(JsonBatch batch)
    {
        var parts = new Stack<JsonBatch>();
        parts.Push(batch);
        while (parts.TryPop(out var part))
        {
            var failure = await TrySendAsync(part).ConfigureAwait(false);
            if (failure is null)
            {
                Accept(part);
            }
            else if (part.Rows.Count > 1)
            {
                var half = part.Rows.Count / 2;
                parts.Push(part.Slice(half, part.Rows.Count - half));
                parts.Push(part.Slice(0, half));
            }
            else
            {
                Refuse(part, failure);
            }
        }
    }

    private void Accept(JsonBatch part)
    {
        BlameSuspects();
        _accepted += part.Rows.Count;
        _settled = part.FirstIndex + part.Rows.Count;
    }

    private void Refuse(JsonBatch row, RequestFailedException failure)
    {
        _suspects.Add((row, failure));
        if (_suspects.Count >= (_accepted == 0 ? 2 : MaximumRefusedRun))
        {
            throw RequestLevel();
        }
    }

    /// <summary>Reports the suspects as rejected rows: a request was accepted, so the request itself is acceptable.</summary>
    private void BlameSuspects()
    {
        foreach (var (row, failure) in _suspects)
        {
            Reject(row, failure);
            _settled = row.FirstIndex + 1;
        }
        _suspects.Clear();
    }

    private void Reject(JsonBatch row, RequestFailedException failure)
    {
        _rejected.Add(new LogsRejectedRow(row.FirstIndex, failure.Status, failure.ErrorCode, failure.Message));
        if (_firstRejectedPreview is null)
        {
            var preview = Encoding.UTF8.GetString(row.Rows[0]);
            _firstRejectedPreview = Truncate(preview);
        }
    }

    /// <summary>Sends a batch; null when accepted, the refusal when 400. Any other outcome stops the upload.</summary>
    private async ValueTask<RequestFailedException?> TrySendAsync(JsonBatch batch)
    {
        if (_deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stopped(0, $"The upload's deadline passed ({DeadlineText()}).", null, unknown: false, null);
        }
        var body = batch.ToGzip();
        try
        {
            _lastResponse = await client.SendAsync(ruleId, streamName, RequestContent.Create(body), "gzip", async, _deadline.Token, _deadlineAt)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 400)
        {
            return failure;
        }
        catch (RequestFailedException failure) when (failure.Status != 0)
        {
            throw Stopped(failure.Status, failure.Message, failure.ErrorCode, unknown: false, failure);
        }
        catch (Exception exception) when (exception is RequestFailedException or IOException or TimeoutException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var cause = _deadline.IsCancellationRequested ? $"the upload's deadline passed, {DeadlineText()}" : exception.GetType().Name;
            throw Stopped(0, $"{RowsText(batch.FirstIndex, batch.Rows.Count)} got no answer ({cause}); the service may or may not "
                + "have stored them.", null, unknown: true, exception);
        }
        _batches++;
        _uncompressed += batch.Bytes;
        _compressed += body.Length;
        return null;
    }

    private string DeadlineText() => $"LogsIngestionClientOptions.UploadTimeout = {client.UploadTimeout}";

    /// <summary>Throws when the settled rows are not exactly the accepted plus the rejected ones, or not the rows expected.</summary>
    private void CheckCounts(long expectedSettled)
    {
        if (_settled == expectedSettled && _accepted + _rejected.Count == _settled - _start)
        {
            return;
        }
        throw new LogsIngestionException(0, $"Upload to stream '{streamName}' stopped: its counts do not add up ({_accepted} accepted + "
            + $"{_rejected.Count} rejected, {_settled - _start} settled, {expectedSettled - _start} expected); this is a defect of the "
            + $"uploader. Treat every row from index {_start} on as unsent: upload them again with StartIndex = {_start} and "
            + $"query with '| summarize arg_max(TimeGenerated, *) by {LogsIngestionClient.RowIdColumnName}'.",
            null, _start, _start, 0, null, isOutcomeUnknown: true, null);
    }

    private LogsIngestionException Stopped(int status, string what, string? code, bool unknown, Exception? inner)
    {
        CheckCounts(_suspects.Count > 0 ? _suspects[0].Row.FirstIndex : _settled);
        var next = unknown
            ? $"Rows from index {_settled} on are not confirmed: the batch that got no answer may be stored, later rows were not "
                + $"sent. To finish, upload the same rows again with new LogsUploadOptions {{ StartIndex = {_settled} }}; any row "
                + $"of that batch stored twice has the same {LogsIngestionClient.RowIdColumnName}, so query with "
                + $"'| summarize arg_max(TimeGenerated, *) by {LogsIngestionClient.RowIdColumnName}'."
            : $"Rows from index {_settled} on were not stored. To finish, upload the same rows again with new LogsUploadOptions "
                + $"{{ StartIndex = {_settled} }}.";
        return new(status, $"Upload to stream '{streamName}' stopped: {Sentence(what)} {SettledText()} {next}", code, _start, _settled, _accepted,
            _rejected.ToList(), unknown, inner);
    }

    private LogsIngestionException Rejected()
    {
        CheckCounts(_settled);
        var first = _rejected[0];
        return new(first.Status, $"Upload to stream '{streamName}': the service rejected {_rejected.Count} of the "
            + $"{_settled - _start} rows sent. {SettledText()} Every other row was stored: do not send them again. First rejected row "
            + $"{first.Index}: {_firstRejectedPreview} ({Truncate(first.Reason)}). Check that the rejected rows' columns and types match stream '{streamName}' in "
            + "the data collection rule, then send the corrected rows.", first.ErrorCode, _start, _settled, _accepted, _rejected.ToList(),
            isOutcomeUnknown: false, null);
    }

    private LogsIngestionException RequestLevel()
    {
        var failure = _suspects[^1].Failure;
        var rows = string.Join(", ", _suspects.Take(ListedRejections).Select(suspect => suspect.Row.FirstIndex))
            + (_suspects.Count > ListedRejections ? $", … ({_suspects.Count} rows)" : "");
        var evidence = _suspects.Count == 1
            ? $"even row {_suspects[0].Row.FirstIndex}, the only row, alone, so the request or that row is refused"
            : $"even rows {rows} each alone, with nothing accepted in between, so the request itself is taken as refused and no "
                + "row is blamed (unless all those rows are bad)";
        return Stopped(400, $"The service refused the requests with 400 ({failure.ErrorCode ?? "no error code"}), {evidence}: check "
            + $"that stream '{streamName}' is declared in the data collection rule with these columns. {failure.Message}",
            failure.ErrorCode, unknown: false, failure);
    }

    private string SettledText()
    {
        if (_settled == _start)
        {
            return _start == 0 ? "No row was accepted." : $"No row from index {_start} on was accepted.";
        }
        var rejected = _rejected.Count == 0 ? "" : $" and {_rejected.Count} rejected (RejectedRows: "
            + string.Join("; ", _rejected.Take(ListedRejections).Select(row => $"row {row.Index}: {row.ErrorCode ?? "no code"}"))
            + (_rejected.Count > ListedRejections ? "; …" : "") + ")";
        return $"{RowsText(_start, _settled - _start)} are settled: {_accepted} accepted{rejected}.";
    }

    private static string Sentence(string text) => text.TrimEnd() is var trimmed && trimmed.EndsWith('.') ? trimmed : trimmed + ".";

    private static string Truncate(string text) => text.Length <= PreviewCharacters ? text : text[..PreviewCharacters] + "…";

    private static string RowsText(long first, long count) =>
        count == 1 ? $"Row {first}" : $"Rows {first} to {first + count - 1} ({count})";
}
