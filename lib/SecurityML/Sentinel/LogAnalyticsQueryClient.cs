using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>
/// Runs KQL queries against a Log Analytics workspace (the REST API <c>POST {endpoint}/v1/workspaces/{id}/query</c>),
/// shaped like <c>Azure.Monitor.Query.LogsQueryClient</c>: an Azure.Core pipeline with bearer-token authentication
/// (scope <c>{audience}/.default</c>, default <c>https://api.loganalytics.io/.default</c>), retries on 408, 429 and 5xx
/// honouring <c>Retry-After</c>, and on network timeouts (queries are reads, so retrying is safe). Tokens holding a
/// control character are never sent, and secrets a server echoes are removed from responses before anything reads
/// them (<see cref="SecretRedaction"/>).
/// </summary>
public class LogAnalyticsQueryClient
{
    private readonly HttpPipeline _pipeline = null!;
    private readonly LogAnalyticsQueryClientOptions _options = null!;
    private readonly string _scope = "";

    /// <summary>Creates a client for the public cloud endpoint <c>https://api.loganalytics.io</c>.</summary>
    /// <param name="credential">The credential, e.g. <c>new DefaultAzureCredential()</c>.</param>
    public LogAnalyticsQueryClient(TokenCredential credential)
        : this(AzureMonitorCloud.Public.QueryEndpoint, credential) { }

    /// <summary>Creates a client for an endpoint (a sovereign cloud: see <see cref="AzureMonitorCloud"/>; set
    /// <see cref="LogAnalyticsQueryClientOptions.Audience"/> to match).</summary>
    /// <param name="endpoint">The query API, e.g. <c>https://api.loganalytics.io</c>; https only.</param>
    /// <param name="credential">The credential.</param>
    /// <param name="options">Retries, transport, diagnostics, audience and server timeout; null for defaults.</param>
    public LogAnalyticsQueryClient(
        Uri endpoint,
        TokenCredential credential,
        LogAnalyticsQueryClientOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        Endpoint = endpoint;
        _options = options ?? new LogAnalyticsQueryClientOptions();
        _scope = AzureMonitorCloud.ScopeOf(_options.Audience, keepTrailingSlash: false);
        RedactingPolicy.Install(_options);
        _pipeline = HttpPipelineBuilder.Build(
            _options,
            [],
            [new BearerTokenAuthenticationPolicy(credential, _scope)],
            new ResponseClassifier()
        );
    }

    /// <summary>For mocking.</summary>
    protected LogAnalyticsQueryClient()
    {
        Endpoint = AzureMonitorCloud.Public.QueryEndpoint;
    }

    /// <summary>The query API endpoint.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>Runs <paramref name="query"/> on a workspace.</summary>
    /// <param name="workspaceId">The workspace id (a GUID).</param>
    /// <param name="query">The KQL text; build parameters into it with <see cref="KqlLiteral"/> only.</param>
    /// <param name="timeRange">Sent as the API's <c>timespan</c>; null or unbounded ends send none (the query's own
    /// filters apply).</param>
    /// <param name="options">Server timeout and partial-error handling; null for defaults.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The typed tables; <see cref="LogAnalyticsQueryResult.Error"/> is set only when partial errors are
    /// allowed.</returns>
    /// <exception cref="RequestFailedException">When the service fails after retries (the message says what to fix), or
    /// returns a partial result and <see cref="LogAnalyticsQueryOptions.AllowPartialErrors"/> is false.</exception>
    public virtual Response<LogAnalyticsQueryResult> QueryWorkspace(
        string workspaceId,
        string query,
        TimeRange? timeRange = null,
        LogAnalyticsQueryOptions? options = null,
        CancellationToken cancellationToken = default
    ) =>
        QueryCoreAsync(workspaceId, query, timeRange, options, async: false, cancellationToken)
            .AsTask()
            .GetAwaiter()
            .GetResult();

    /// <inheritdoc cref="QueryWorkspace"/>
    public virtual Task<Response<LogAnalyticsQueryResult>> QueryWorkspaceAsync(
        string workspaceId,
        string query,
        TimeRange? timeRange = null,
        LogAnalyticsQueryOptions? options = null,
        CancellationToken cancellationToken = default
    ) => QueryCoreAsync(workspaceId, query, timeRange, options, async: true, cancellationToken).AsTask();

    /// <summary>The ISO 8601 interval the API takes as <c>timespan</c>, e.g.
    /// <c>2024-01-01T00:00:00.0000000Z/2024-01-02T00:00:00.0000000Z</c>; null when either end is unbounded
    /// (<see cref="DateTimeOffset.MinValue"/> or <see cref="DateTimeOffset.MaxValue"/>).</summary>
    public static string? FormatTimespan(TimeRange? range) =>
        range is { } value && value.Start != DateTimeOffset.MinValue && value.End != DateTimeOffset.MaxValue
            ? value.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
                + "/"
                + value.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : null;

    private async ValueTask<Response<LogAnalyticsQueryResult>> QueryCoreAsync(
        string workspaceId,
        string query,
        TimeRange? timeRange,
        LogAnalyticsQueryOptions? options,
        bool async,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var message = CreateRequest(workspaceId, query, timeRange, options);
        if (async)
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _pipeline.Send(message, cancellationToken);
        }
        var response = message.Response;
        if (response.Status != 200)
        {
            throw ServiceErrors.ForQuery(response, workspaceId, _scope);
        }
        var result = LogAnalyticsResponseParser.Parse(response.Content);
        if (result.Error is not null && options?.AllowPartialErrors != true)
        {
            throw new RequestFailedException(
                response.Status,
                SecretRedaction.Redact(
                    "The query returned a partial result (set AllowPartialErrors to accept it, or query a "
                        + $"shorter "
                        + $"range{(result.IsTruncated ? "; it was cut at the 500,000-row / 64 MB limits" : "")}): "
                        + result.Error
                ),
                result.Error.Code,
                innerException: null
            );
        }
        return Response.FromValue(result, response);
    }

    private HttpMessage CreateRequest(
        string workspaceId,
        string query,
        TimeRange? timeRange,
        LogAnalyticsQueryOptions? options
    )
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        var uri = new RequestUriBuilder();
        uri.Reset(Endpoint);
        uri.AppendPath("/v1/workspaces/", escape: false);
        uri.AppendPath(workspaceId, escape: true);
        uri.AppendPath("/query", escape: false);
        request.Uri = uri;
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        var serverTimeout = options?.ServerTimeout ?? _options.ServerTimeout;
        if (serverTimeout is { } timeout)
        {
            request.Headers.Add(
                "Prefer",
                "wait=" + ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            );
            message.NetworkTimeout = timeout + LogAnalyticsQueryClientOptions.NetworkTimeoutMargin;
        }
        request.Content = RequestContent.Create(BuildBody(query, FormatTimespan(timeRange)));
        return message;
    }

    private static byte[] BuildBody(string query, string? timespan)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", query);
            if (timespan is not null)
            {
                writer.WriteString("timespan", timespan);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
