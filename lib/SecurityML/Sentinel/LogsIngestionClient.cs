using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// Sends rows to a custom table through the Logs Ingestion API (<c>POST
/// {endpoint}/dataCollectionRules/{ruleId}/streams/ {stream}?api-version=2023-01-01</c>), shaped like
/// <c>Azure.Monitor.Ingestion.LogsIngestionClient</c>: bearer-token authentication (scope
/// <c>https://monitor.azure.com//.default</c>), gzip-compressed JSON arrays of at most 1 MB, retries on 408/429/5xx
/// honouring <c>Retry-After</c> up to <see cref="RetryOptions.MaxDelay"/>, an overall
/// <see cref="LogsIngestionClientOptions.UploadTimeout"/>.
/// </summary>
/// <remarks>
/// A typed upload either stores every row or throws a <see cref="LogsIngestionException"/> that accounts for every row:
/// accepted, rejected by the service (each with index and reason; a batch refused with 400 is halved until the refused
/// rows are found, and the rest of it is stored), or not stored from <see cref="LogsIngestionException.ResumeIndex"/>
/// on. Each row gets a <see cref="RowIdColumnName"/> column (unless it has one), so a resumed upload never leaves a
/// duplicate that <c>| summarize arg_max(TimeGenerated, *) by SecmlRowId</c> does not remove.
/// </remarks>
public class LogsIngestionClient
{
    private readonly HttpPipeline _pipeline = null!;
    private readonly LogsIngestionClientOptions _options = null!;
    private readonly string _scope = "";

    /// <summary>Creates a client for a data collection endpoint (DCE).</summary>
    /// <param name="endpoint">The DCE's logs ingestion URI, e.g.
    /// <c>https://my-dce-abcd.westeurope-1.ingest.monitor.azure.com</c>; https only.</param>
    /// <param name="credential">The credential; its identity needs 'Monitoring Metrics Publisher' on the DCR.</param>
    /// <param name="options">Retries, transport, diagnostics, audience and batch size; null for defaults.</param>
    public LogsIngestionClient(Uri endpoint, TokenCredential credential, LogsIngestionClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        Endpoint = endpoint;
        _options = options ?? new LogsIngestionClientOptions();
        _scope = AzureMonitorCloud.ScopeOf(_options.Audience, keepTrailingSlash: true);
        RedactingPolicy.Install(_options);
        var callerPolicy = _options.RetryPolicy;
        _options.RetryPolicy ??= new IngestionRetryPolicy(_options.Retry);
        try
        {
            _pipeline = HttpPipelineBuilder.Build(
                _options,
                [],
                [new BearerTokenAuthenticationPolicy(credential, _scope)],
                new IngestionResponseClassifier()
            );
        }
        finally
        {
            _options.RetryPolicy = callerPolicy;
        }
    }

    /// <summary>For mocking.</summary>
    protected LogsIngestionClient()
    {
        Endpoint = AzureMonitorCloud.Public.IngestionAudience;
    }

    /// <summary>The column every uploaded row carries, <c>SecmlRowId</c>: 32 hex digits, the first 128 bits of SHA-256
    /// over the stream name, the row's index and its JSON, so the same row at the same index always has the same id. A
    /// row that already has this property (a non-empty string, unique in the upload) keeps its own value. Declare it as
    /// a <c>string</c> column in the stream and the table; de-duplicate with
    /// <c>| summarize arg_max(TimeGenerated, *) by SecmlRowId</c>.</summary>
    public const string RowIdColumnName = Results.ResultsTables.RowIdColumnName;

    /// <summary>The KQL that removes the duplicates a resumed upload may leave (rows of a batch that got no answer and
    /// was sent again): <c>| summarize arg_max(TimeGenerated, *) by SecmlRowId</c>, to append to the table's name, e.g.
    /// <c>AnomalousResourceAccessResult_CL | summarize arg_max(TimeGenerated, *) by SecmlRowId</c>.</summary>
    public const string DeduplicationKql = "| summarize arg_max(TimeGenerated, *) by " + RowIdColumnName;

    /// <summary>The data collection endpoint.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>The largest uncompressed batch, from the options (default 1,000,000 bytes).</summary>
    public virtual int MaximumBatchBytes => _options.MaximumBatchBytes;

    /// <summary>Sends one prepared body (a JSON array, gzip-compressed when <paramref name="contentEncoding"/> is
    /// <c>gzip</c>).</summary>
    /// <param name="ruleId">The DCR's immutable id, <c>dcr-...</c>.</param>
    /// <param name="streamName">The stream declared in the DCR, e.g.
    /// <c>Custom-AnomalousResourceAccessResult_CL</c>.</param>
    /// <param name="content">The body.</param>
    /// <param name="contentEncoding"><c>gzip</c> or null.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="RequestFailedException">When the service refuses the body after retries; the message says what
    /// to fix.</exception>
    public virtual Response Upload(
        string ruleId,
        string streamName,
        RequestContent content,
        string? contentEncoding = null,
        CancellationToken cancellationToken = default
    ) =>
        SendAsync(ruleId, streamName, content, contentEncoding, async: false, cancellationToken)
            .AsTask()
            .GetAwaiter()
            .GetResult();

    /// <inheritdoc cref="Upload(string, string, RequestContent, string?, CancellationToken)"/>
    public virtual Task<Response> UploadAsync(
        string ruleId,
        string streamName,
        RequestContent content,
        string? contentEncoding = null,
        CancellationToken cancellationToken = default
    ) => SendAsync(ruleId, streamName, content, contentEncoding, async: true, cancellationToken).AsTask();

    /// <summary>Serialises <paramref name="logs"/> (JSON objects; property names are the stream's columns) with a
    /// <see cref="RowIdColumnName"/> each into gzip batches under the size limit and sends them in order.</summary>
    /// <returns>The rows accepted (all of them, from the start index on), batches and bytes.</returns>
    /// <exception cref="LogsIngestionException">When any row is not stored: a row the service rejected (after all other
    /// rows were sent; <see cref="LogsIngestionException.RejectedRows"/>), a failure after retries, a
    /// <c>Retry-After</c> beyond <see cref="RetryOptions.MaxDelay"/>, no answer, the deadline, a row too large for one
    /// call (rejected), or an exception of the rows or the serialiser (the inner exception; the rows before it are sent
    /// first). It accounts for every row and says where to resume.</exception>
    public virtual Response<LogsUploadResult> Upload<T>(
        string ruleId,
        string streamName,
        IEnumerable<T> logs,
        CancellationToken cancellationToken = default
    ) => Upload(ruleId, streamName, logs, null, cancellationToken);

    /// <inheritdoc cref="Upload{T}(string, string, IEnumerable{T}, CancellationToken)"/>
    public virtual Task<Response<LogsUploadResult>> UploadAsync<T>(
        string ruleId,
        string streamName,
        IEnumerable<T> logs,
        CancellationToken cancellationToken = default
    ) => UploadAsync(ruleId, streamName, logs, null, cancellationToken);

    /// <inheritdoc cref="Upload{T}(string, string, IEnumerable{T}, CancellationToken)"/>
    /// <param name="ruleId">The DCR's immutable id, <c>dcr-...</c>.</param>
    /// <param name="streamName">The stream declared in the DCR.</param>
    /// <param name="logs">The rows.</param>
    /// <param name="options">The start index (to resume); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the upload: an <see cref="OperationCanceledException"/> (the Azure SDK
    /// convention) whose <see cref="Exception.InnerException"/> is a <see cref="LogsIngestionException"/> with the
    /// counts and the <see cref="LogsIngestionException.ResumeIndex"/>
    /// (<see cref="LogsIngestionException.IsOutcomeUnknown"/> when a batch was in flight).</param>
    public virtual Response<LogsUploadResult> Upload<T>(
        string ruleId,
        string streamName,
        IEnumerable<T> logs,
        LogsUploadOptions? options,
        CancellationToken cancellationToken = default
    ) =>
        new BatchUploader(this, ruleId, streamName, options ?? new LogsUploadOptions(), async: false, cancellationToken)
            .UploadAsync(logs)
            .AsTask()
            .GetAwaiter()
            .GetResult();

    /// <inheritdoc cref="Upload{T}(string, string, IEnumerable{T}, LogsUploadOptions?, CancellationToken)"/>
    public virtual Task<Response<LogsUploadResult>> UploadAsync<T>(
        string ruleId,
        string streamName,
        IEnumerable<T> logs,
        LogsUploadOptions? options,
        CancellationToken cancellationToken = default
    ) =>
        new BatchUploader(this, ruleId, streamName, options ?? new LogsUploadOptions(), async: true, cancellationToken)
            .UploadAsync(logs)
            .AsTask();

    /// <summary>The options' overall deadline of a typed upload.</summary>
    internal TimeSpan UploadTimeout => _options?.UploadTimeout ?? Timeout.InfiniteTimeSpan;

    internal async ValueTask<Response> SendAsync(
        string ruleId,
        string streamName,
        RequestContent content,
        string? contentEncoding,
        bool async,
        CancellationToken cancellationToken,
        DateTimeOffset? deadline = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        ArgumentNullException.ThrowIfNull(content);
        using var message = CreateRequest(ruleId, streamName, content, contentEncoding);
        if (deadline is { } end)
        {
            message.SetProperty(IngestionRetryPolicy.DeadlineProperty, end);
        }
        if (async)
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _pipeline.Send(message, cancellationToken);
        }
        var response = message.Response;
        if (response.Status is not (200 or 204))
        {
            var error = ServiceErrors.ForIngestion(response, ruleId, streamName, _scope);
            throw message.TryGetProperty(IngestionRetryPolicy.RefusalProperty, out var refusal)
            && refusal is string reason
                ? new RequestFailedException(error.Status, reason + " " + error.Message, error.ErrorCode, error)
                : error;
        }
        return response;
    }

    private HttpMessage CreateRequest(string ruleId, string streamName, RequestContent content, string? contentEncoding)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        var uri = new RequestUriBuilder();
        uri.Reset(Endpoint);
        uri.AppendPath("/dataCollectionRules/", escape: false);
        uri.AppendPath(ruleId, escape: true);
        uri.AppendPath("/streams/", escape: false);
        uri.AppendPath(streamName, escape: true);
        uri.AppendQuery("api-version", _options.ApiVersion, escapeValue: true);
        request.Uri = uri;
        request.Headers.Add("Content-Type", "application/json");
        if (!string.IsNullOrEmpty(contentEncoding))
        {
            request.Headers.Add("Content-Encoding", contentEncoding);
        }
        request.Content = content;
        return message;
    }

    /// <summary>Retries only what is known not to be stored: 408, 429 and 5xx responses, and connections refused before
    /// anything was sent. A timeout or a broken connection may have stored the batch, so it is reported, not
    /// retried.</summary>
    private sealed class IngestionResponseClassifier : ResponseClassifier
    {
        public override bool IsRetriable(HttpMessage message, Exception exception) => IsRetriableException(exception);

        public override bool IsRetriableException(Exception exception)
        {
            for (Exception? current = exception; current is not null; current = current.InnerException)
            {
                if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    return true;
                }
            }
            return false;
        }
    }
}
