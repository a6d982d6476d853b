using System.Text;
using Azure;
using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// One typed upload of <see cref="LogsIngestionClient"/>. Rows are settled strictly in index order: a batch the service
/// accepts settles its rows; a batch refused with 400 or 413 is halved and both halves are sent (left first), down to
/// single rows, so every good part of it is stored and every row refused alone is reported with the service's reason
/// (a row refused alone with 413, or whose JSON alone exceeds one call's limit, is rejected at once). Any other failure
/// stops the upload at the first unsettled row; so does a failure of the rows or the serialiser, after the rows already
/// serialised are settled; so does cancellation (an <see cref="OperationCanceledException"/> whose inner exception is
/// the <see cref="LogsIngestionException"/> with the counts). Before reporting anything the uploader checks
/// <c>accepted + rejected = settled rows</c> and throws instead of reporting a count that does not add up.
/// </summary>
/// <remarks>
/// A 400 about the request rather than a row (wrong stream, body the service cannot read) would refuse every row alone.
/// Rule: a row refused alone with 400 is a suspect until a later request is accepted, which proves the request itself
/// acceptable; then the suspects are reported as rejected. A run of <see cref="MaximumRefusedRun"/> suspects with
/// nothing accepted in between, or suspects left at the end of an upload in which nothing was accepted, is taken as a
/// request-level 400: no row is blamed and the upload stops at the first suspect. (So that many adjacent bad rows, or
/// an upload whose every row is bad, is reported as a request-level error: nothing is lost, the message says both
/// possibilities.) Suspects left at the end of an upload in which a request was accepted are reported as rejected.
/// </remarks>
internal sealed class BatchUploader(
    LogsIngestionClient client,
    string ruleId,
    string streamName,
    LogsUploadOptions options,
    bool async,
    CancellationToken cancellationToken
)
{
    private const int PreviewCharacters = 300;
    private const int ListedRejections = 5;

    /// <summary>Rows refused alone with 400 in a row, with nothing accepted in between, that make the 400
    /// request-level.</summary>
    internal const int MaximumRefusedRun = 32;
    private readonly List<LogsRejectedRow> _rejected = [];
    private readonly long _start = options.StartIndex;
    private long _settled = options.StartIndex;
    private long _accepted;
    private int _batches;
    private long _uncompressed;
    private long _compressed;
    private string? _firstRejectedPreview;
    private readonly List<Suspect> _suspects = [];
    private JsonBatch? _inFlight;
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
        try
        {
            await SendAllAsync(logs).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
        {
            var stopped = Stopped(
                0,
                "The upload was cancelled"
                    + (
                        _inFlight is { } batch
                            ? $" while {RowsText(batch.FirstIndex, batch.Rows.Count).ToLowerInvariant()} were in "
                                + $"flight; the service may or may not have stored them."
                            : "."
                    ),
                null,
                unknown: _inFlight is not null,
                cancelled
            );
            throw new OperationCanceledException(stopped.Message, stopped, cancellationToken);
        }
        if (_suspects.Exists(suspect => !suspect.Certain) && _accepted == 0)
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

    /// <summary>Settles every batch in order; a failure of the rows or the serialiser stops the upload at the failing
    /// row.</summary>
    private async ValueTask SendAllAsync<T>(IEnumerable<T> logs)
    {
        foreach (var batch in JsonBatcher.Batches(logs, client.MaximumBatchBytes, streamName, _start))
        {
            if (batch.Failure is { } failure)
            {
                BlameSuspectsIfAccepted();
                throw Stopped(
                    0,
                    $"Row {batch.FirstIndex} could not be read or serialised ({failure.GetType().Name}: "
                        + $"{Truncate(MessageOf(failure))}); the rows before it were sent first.",
                    null,
                    unknown: false,
                    failure
                );
            }
            if (batch.TooLarge is { } reason)
            {
                Settle(
                    new Suspect(
                        batch,
                        new LogsRejectedRow(
                            batch.FirstIndex,
                            413,
                            null,
                            $"Row {batch.FirstIndex} was not sent: {reason}."
                        ),
                        null,
                        Certain: true
                    )
                );
            }
            else
            {
                await SettleAsync(batch).ConfigureAwait(false);
            }
            CheckCounts(_suspects.Count > 0 ? _suspects[0].Row.FirstIndex : batch.FirstIndex + batch.Rows.Count);
        }
    }

    /// <summary>The rows of a failure that stopped the rows before the first suspect are settled: the suspects are
    /// blamed when a request of this upload was accepted (else they stay unsettled and a resume sends them
    /// again).</summary>
    private void BlameSuspectsIfAccepted()
    {
        if (_accepted > 0)
        {
            BlameSuspects();
        }
    }

    private static string MessageOf(Exception exception) =>
        exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;

    /// <summary>Sends a batch; on 400 halves it (left part first) until each part is accepted or is one refused
    /// row.</summary>
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
                Settle(
                    new Suspect(
                        part,
                        new LogsRejectedRow(part.FirstIndex, failure.Status, failure.ErrorCode, failure.Message),
                        failure,
                        Certain: failure.Status == 413
                    )
                );
            }
        }
    }

    private void Accept(JsonBatch part)
    {
        BlameSuspects();
        _accepted += part.Rows.Count;
        _settled = part.FirstIndex + part.Rows.Count;
    }

    /// <summary>A row refused alone: rejected at once when certain and no suspect waits, else a suspect (in index
    /// order).</summary>
    private void Settle(Suspect row)
    {
        if (row.Certain && _suspects.Count == 0)
        {
            Reject(row);
            _settled = row.Row.FirstIndex + 1;
            return;
        }
        _suspects.Add(row);
        if (_suspects.Count(suspect => !suspect.Certain) >= MaximumRefusedRun)
        {
            throw RequestLevel();
        }
    }

    /// <summary>Reports the suspects as rejected rows: a request was accepted, so the request itself is
    /// acceptable.</summary>
    private void BlameSuspects()
    {
        foreach (var suspect in _suspects)
        {
            Reject(suspect);
            _settled = suspect.Row.FirstIndex + 1;
        }
        _suspects.Clear();
    }

    private void Reject(Suspect suspect)
    {
        _rejected.Add(suspect.Rejection);
        if (_firstRejectedPreview is null)
        {
            var json = suspect.Row.Rows[0];
            var preview = Encoding.UTF8.GetString(json.AsSpan(0, Math.Min(json.Length, 4 * PreviewCharacters)));
            _firstRejectedPreview = Truncate(preview);
        }
    }

    /// <summary>Sends a batch; null when accepted, the refusal when 400 or 413. Any other outcome stops the
    /// upload.</summary>
    private async ValueTask<RequestFailedException?> TrySendAsync(JsonBatch batch)
    {
        if (_deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stopped(0, $"The upload's deadline passed ({DeadlineText()}).", null, unknown: false, null);
        }
        var body = batch.ToGzip();
        cancellationToken.ThrowIfCancellationRequested();
        _inFlight = batch;
        try
        {
            _lastResponse = await client
                .SendAsync(ruleId, streamName, RequestContent.Create(body), "gzip", async, _deadline.Token, _deadlineAt)
                .ConfigureAwait(false);
            _inFlight = null;
        }
        catch (RequestFailedException failure) when (failure.Status is 400 or 413)
        {
            _inFlight = null;
            return failure;
        }
        catch (RequestFailedException failure) when (failure.Status != 0)
        {
            _inFlight = null;
            throw Stopped(failure.Status, failure.Message, failure.ErrorCode, unknown: false, failure);
        }
        catch (Exception exception)
            when (exception is RequestFailedException or IOException or TimeoutException or OperationCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            var cause = _deadline.IsCancellationRequested
                ? $"the upload's deadline passed, {DeadlineText()}"
                : exception.GetType().Name;
            throw Stopped(
                0,
                $"{RowsText(batch.FirstIndex, batch.Rows.Count)} got no answer ({cause}); the service may or may not "
                    + "have stored them.",
                null,
                unknown: true,
                exception
            );
        }
        _batches++;
        _uncompressed += batch.Bytes;
        _compressed += body.Length;
        return null;
    }

    private string DeadlineText() => $"LogsIngestionClientOptions.UploadTimeout = {client.UploadTimeout}";

    /// <summary>Throws when the settled rows are not exactly the accepted plus the rejected ones, or not the rows
    /// expected.</summary>
    private void CheckCounts(long expectedSettled)
    {
        if (_settled == expectedSettled && _accepted + _rejected.Count == _settled - _start)
        {
            return;
        }
        throw new LogsIngestionException(
            0,
            $"Upload to stream '{streamName}' stopped: its counts do not add up ({_accepted} accepted + "
                + $"{_rejected.Count} rejected, {_settled - _start} settled, {expectedSettled - _start} expected); "
                + $"this is a defect of the "
                + $"uploader. Treat every row from index {_start} on as unsent: upload them again with StartIndex "
                + $"= {_start} and "
                + $"query with '{LogsIngestionClient.DeduplicationKql}'.",
            null,
            _start,
            _start,
            0,
            null,
            isOutcomeUnknown: true,
            null
        );
    }

    private LogsIngestionException Stopped(int status, string what, string? code, bool unknown, Exception? inner)
    {
        CheckCounts(_suspects.Count > 0 ? _suspects[0].Row.FirstIndex : _settled);
        var next = unknown
            ? $"Rows from index {_settled} on are not confirmed: the batch that got no answer may be stored, later "
                + $"rows were not "
                + $"sent. To finish, upload the same rows again with new LogsUploadOptions {{ StartIndex = "
                + $"{_settled} }}; any row "
                + $"of that batch stored twice has the same {LogsIngestionClient.RowIdColumnName}, so query with "
                + $"'{LogsIngestionClient.DeduplicationKql}'."
            : $"Rows from index {_settled} on were not stored. To finish, upload the same rows again with new "
                + $"LogsUploadOptions "
                + $"{{ StartIndex = {_settled} }}.";
        return new(
            status,
            $"Upload to stream '{streamName}' stopped: {Sentence(what)} {SettledText()} {next}",
            code,
            _start,
            _settled,
            _accepted,
            _rejected.ToList(),
            unknown,
            inner
        );
    }

    private LogsIngestionException Rejected()
    {
        CheckCounts(_settled);
        var first = _rejected[0];
        return new(
            first.Status,
            $"Upload to stream '{streamName}': {_rejected.Count} of the {_settled - _start} rows "
                + $"were rejected (by the service, or too large to send). {SettledText()} Every other row was "
                + $"stored: do not send them again. First rejected row "
                + $"{first.Index}: {_firstRejectedPreview} ({Truncate(first.Reason)}). Check that the rejected "
                + $"rows' columns and types match stream '{streamName}' in "
                + "the data collection rule, then send the corrected rows.",
            first.ErrorCode,
            _start,
            _settled,
            _accepted,
            _rejected.ToList(),
            isOutcomeUnknown: false,
            null
        );
    }

    private LogsIngestionException RequestLevel()
    {
        var refused = _suspects.Where(suspect => !suspect.Certain).ToList();
        var failure = refused[^1].Failure!;
        var rows =
            string.Join(", ", refused.Take(ListedRejections).Select(suspect => suspect.Row.FirstIndex))
            + (refused.Count > ListedRejections ? $", … ({refused.Count} rows)" : "");
        var evidence =
            refused.Count == 1
                ? $"even row {refused[0].Row.FirstIndex} alone, with nothing accepted, so the request or that row "
                    + $"is refused"
                : $"even rows {rows} each alone, with nothing accepted in between, so the request itself is taken "
                    + $"as refused and no "
                    + "row is blamed (unless all those rows are bad)";
        return Stopped(
            400,
            $"The service refused the requests with 400 ({failure.ErrorCode ?? "no error code"}), {evidence}: check "
                + $"that stream '{streamName}' is declared in the data collection rule with these columns. "
                + $"{failure.Message}",
            failure.ErrorCode,
            unknown: false,
            failure
        );
    }

    private string SettledText()
    {
        if (_settled == _start)
        {
            return _start == 0 ? "No row was accepted." : $"No row from index {_start} on was accepted.";
        }
        var rejected =
            _rejected.Count == 0
                ? ""
                : $" and {_rejected.Count} rejected (RejectedRows: "
                    + string.Join(
                        "; ",
                        _rejected.Take(ListedRejections).Select(row => $"row {row.Index}: {row.ErrorCode ?? "no code"}")
                    )
                    + (_rejected.Count > ListedRejections ? "; …" : "")
                    + ")";
        return $"{RowsText(_start, _settled - _start)} are settled: {_accepted} accepted{rejected}.";
    }

    private static string Sentence(string text) =>
        text.TrimEnd() is var trimmed && trimmed.EndsWith('.') ? trimmed : trimmed + ".";

    private static string Truncate(string text) =>
        text.Length <= PreviewCharacters ? text : text[..PreviewCharacters] + "…";

    private static string RowsText(long first, long count) =>
        count == 1 ? $"Row {first}" : $"Rows {first} to {first + count - 1} ({count})";

    /// <summary>A row refused alone, or not sent: <paramref name="Certain"/> when it is rejected whatever the request
    /// (413 alone, too large to send); otherwise a 400 that may be about the request.</summary>
    private sealed record Suspect(
        JsonBatch Row,
        LogsRejectedRow Rejection,
        RequestFailedException? Failure,
        bool Certain
    );
}
