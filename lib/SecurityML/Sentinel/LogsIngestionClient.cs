using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// Sends rows to a custom table through the Logs Ingestion API (<c>POST {endpoint}/dataCollectionRules/{ruleId}/streams/
/// {stream}?api-version=2023-01-01</c>), shaped like <c>Azure.Monitor.Ingestion.LogsIngestionClient</c>: bearer-token
/// authentication (scope <c>https://monitor.azure.com//.default</c>), gzip-compressed JSON arrays of at most 1 MB,
/// retries on 408/429/5xx honouring <c>Retry-After</c>. Rows are sent in order, each batch once it is accepted, so no
/// row is sent twice by the client and none is skipped: a failure reports exactly which rows were accepted
/// (<see cref="LogsIngestionException"/>), and a 400 names the row the service rejected.
/// </summary>
public class LogsIngestionClient
{
    private readonly HttpPipeline _pipeline = null!;
    private readonly LogsIngestionClientOptions _options = null!;
    private readonly string _scope = "";

    /// <summary>Creates a client for a data collection endpoint (DCE).</summary>
    /// <param name="endpoint">The DCE's logs ingestion URI, e.g. <c>https://my-dce-abcd.westeurope-1.ingest.monitor.azure.com</c>; https only.</param>
    /// <param name="credential">The credential; its identity needs 'Monitoring Metrics Publisher' on the DCR.</param>
    /// <param name="options">Retries, transport, diagnostics, audience and batch size; null for defaults.</param>
    public LogsIngestionClient(Uri endpoint, TokenCredential credential, LogsIngestionClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        Endpoint = endpoint;
        _options = options ?? new LogsIngestionClientOptions();
        _scope = AzureMonitorCloud.ScopeOf(_options.Audience, keepTrailingSlash: true);
        _pipeline = HttpPipelineBuilder.Build(_options, [], [new BearerTokenAuthenticationPolicy(credential, _scope)],
            new IngestionResponseClassifier());
    }

    /// <summary>For mocking.</summary>
    protected LogsIngestionClient()
    {
        Endpoint = AzureMonitorCloud.Public.IngestionAudience;
    }

    /// <summary>The data collection endpoint.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>The largest uncompressed batch, from the options (default 1,000,000 bytes).</summary>
    public virtual int MaximumBatchBytes => _options.MaximumBatchBytes;

    /// <summary>Sends one prepared body (a JSON array, gzip-compressed when <paramref name="contentEncoding"/> is <c>gzip</c>).</summary>
    /// <param name="ruleId">The DCR's immutable id, <c>dcr-...</c>.</param>
    /// <param name="streamName">The stream declared in the DCR, e.g. <c>Custom-AnomalousResourceAccessResult_CL</c>.</param>
    /// <param name="content">The body.</param>
    /// <param name="contentEncoding"><c>gzip</c> or null.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="RequestFailedException">When the service refuses the body after retries; the message says what to fix.</exception>
    public virtual Response Upload(string ruleId, string streamName, RequestContent content, string? contentEncoding = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(ruleId, streamName, content, contentEncoding, async: false, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc cref="Upload(string, string, RequestContent, string?, CancellationToken)"/>
    public virtual Task<Response> UploadAsync(string ruleId, string streamName, RequestContent content, string? contentEncoding = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(ruleId, streamName, content, contentEncoding, async: true, cancellationToken).AsTask();

    /// <summary>Serialises <paramref name="logs"/> (property names are the stream's columns) into gzip batches under
    /// the size limit and sends them in order.</summary>
    /// <exception cref="LogsIngestionException">When a batch fails after retries or a row is rejected; it says how many
    /// rows were accepted and, for a 400, which row was rejected and why.</exception>
    public virtual Response<LogsUploadResult> Upload<T>(string ruleId, string streamName, IEnumerable<T> logs,
        CancellationToken cancellationToken = default) =>
        new BatchUploader(this, ruleId, streamName, async: false, cancellationToken).UploadAsync(logs).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc cref="Upload{T}(string, string, IEnumerable{T}, CancellationToken)"/>
    public virtual Task<Response<LogsUploadResult>> UploadAsync<T>(string ruleId, string streamName, IEnumerable<T> logs,
        CancellationToken cancellationToken = default) =>
        new BatchUploader(this, ruleId, streamName, async: true, cancellationToken).UploadAsync(logs).AsTask();

    internal async ValueTask<Response> SendAsync(string ruleId, string streamName, RequestContent content, string? contentEncoding,
        bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        ArgumentNullException.ThrowIfNull(content);
        using var message = CreateRequest(ruleId, streamName, content, contentEncoding);
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
            throw ServiceErrors.ForIngestion(response, ruleId, streamName, _scope);
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
    /// anything was sent. A timeout or a broken connection may have stored the batch, so it is reported, not retried.</summary>
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
