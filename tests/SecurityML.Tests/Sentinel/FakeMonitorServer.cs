using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecurityML.Tests.Sentinel;

/// <summary>One query the fake server received.</summary>
internal sealed record FakeQuery(string WorkspaceId, string Query, string? Timespan, string? Prefer);

/// <summary>One ingestion call the fake server received.</summary>
internal sealed record FakeIngestionCall(
    string RuleId,
    string Stream,
    string? ApiVersion,
    string? ContentEncoding,
    long CompressedBytes,
    long UncompressedBytes,
    int RowCount,
    int Status
);

/// <summary>
/// Kestrel on https://127.0.0.1:{free port} implementing the Log Analytics query contract
/// (<c>POST /v1/workspaces/{id}/query</c>) and the Logs Ingestion contract
/// (<c>POST /dataCollectionRules/{rule}/streams/{stream}?api-version=2023-01-01</c>, gzip JSON arrays, 204).
/// Requests without <c>Authorization: Bearer {Token}</c> get 401. Faults are scripted per request. Loopback only.
/// </summary>
internal sealed class FakeMonitorServer : IAsyncDisposable
{
    /// <summary>The only token the server accepts; tests check it never shows in logs or exceptions.</summary>
    public const string Token = "eyJhbGciOi.FAKE-SECRET-TOKEN-7c1d9e.c2lnbmF0dXJl";

    private readonly WebApplication _app;
    private readonly List<string> _ingestedRows = [];
    private int _ingestionCallCount;

    private FakeMonitorServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<FakeResponse> QueryFaults { get; } = new();

    public ConcurrentQueue<FakeQuery> Queries { get; } = new();

    /// <summary>Answers a query that no fault intercepted; default an empty PrimaryResult.</summary>
    public Func<FakeQuery, FakeResponse> QueryResponder { get; set; } =
        _ => new FakeResponse(200, """{"tables":[{"name":"PrimaryResult","columns":[],"rows":[]}]}""");

    /// <summary>Replaced in a query answer's body by the request's <c>Authorization</c> header when
    /// <see cref="EchoAuthorization"/> is set.</summary>
    public const string AuthorizationPlaceholder = "{Authorization}";

    /// <summary>When true, the query endpoint echoes the request's <c>Authorization</c> header, as a careless server
    /// might: in the body of its 401 and wherever <see cref="AuthorizationPlaceholder"/> stands in an answer.</summary>
    public bool EchoAuthorization { get; set; }

    public ConcurrentQueue<FakeResponse> IngestionFaults { get; } = new();

    public ConcurrentQueue<FakeIngestionCall> IngestionCalls { get; } = new();

    /// <summary>Scripts ingestion call number n (0-based, in arrival order): a fault, or null for the normal answer.
    /// Consulted before <see cref="IngestionFaults"/>.</summary>
    public Func<int, FakeIngestionFault?>? IngestionScript { get; set; }

    /// <summary>Returns an error text for a row the "DCR" rejects (the whole batch then gets 400); null accepts
    /// it.</summary>
    public Func<JsonElement, string?> RowValidator { get; set; } = _ => null;

    /// <summary>Every row stored, as raw JSON, in arrival order.</summary>
    public IReadOnlyList<string> IngestedRows
    {
        get
        {
            lock (_ingestedRows)
            {
                return _ingestedRows.ToList();
            }
        }
    }

    public static async Task<FakeMonitorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificate.Certificate))
        );
        var app = builder.Build();
        var server = new FakeMonitorServer(app);
        app.MapPost("/v1/workspaces/{workspaceId}/query", server.HandleQueryAsync);
        app.MapPost("/dataCollectionRules/{ruleId}/streams/{stream}", server.HandleIngestionAsync);
        await app.StartAsync();
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleQueryAsync(HttpContext context, string workspaceId)
    {
        var authorization = context.Request.Headers.Authorization.FirstOrDefault() ?? "";
        if (EchoAuthorization && authorization != "Bearer " + Token)
        {
            await WriteAsync(
                context,
                FakeResponse.Error(
                    401,
                    "InvalidAuthenticationToken",
                    "The access token is invalid. Received Authorization: " + authorization
                )
            );
            return;
        }
        if (!await AuthorizedAsync(context))
        {
            return;
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var query = new FakeQuery(
            workspaceId,
            body.RootElement.GetProperty("query").GetString()!,
            body.RootElement.TryGetProperty("timespan", out var timespan) ? timespan.GetString() : null,
            context.Request.Headers["Prefer"].FirstOrDefault()
        );
        Queries.Enqueue(query);
        var answer = QueryFaults.TryDequeue(out var fault) ? fault : QueryResponder(query);
        if (EchoAuthorization)
        {
            answer = answer with
            {
                Body = answer.Body.Replace(AuthorizationPlaceholder, authorization, StringComparison.Ordinal),
            };
        }
        await WriteAsync(context, answer);
    }

    private async Task HandleIngestionAsync(HttpContext context, string ruleId, string stream)
    {
        if (!await AuthorizedAsync(context))
        {
            return;
        }
        var compressed = new MemoryStream();
        await context.Request.Body.CopyToAsync(compressed);
        var encoding = context.Request.Headers.ContentEncoding.FirstOrDefault();
        var json = encoding == "gzip" ? Gunzip(compressed.ToArray()) : compressed.ToArray();
        using var rows = JsonDocument.Parse(json);
        var elements = rows.RootElement.EnumerateArray().ToList();
        var scripted = IngestionScript?.Invoke(Interlocked.Increment(ref _ingestionCallCount) - 1);
        var answer = scripted?.Answer ?? (IngestionFaults.TryDequeue(out var fault) ? fault : Validate(elements));
        if (scripted?.StoreRows ?? answer.Status == 204)
        {
            lock (_ingestedRows)
            {
                _ingestedRows.AddRange(elements.Select(element => element.GetRawText()));
            }
        }
        if (EchoAuthorization)
        {
            answer = answer with
            {
                Body = answer.Body.Replace(
                    AuthorizationPlaceholder,
                    context.Request.Headers.Authorization.FirstOrDefault() ?? "",
                    StringComparison.Ordinal
                ),
            };
        }
        var reset = scripted?.ResetConnection == true;
        IngestionCalls.Enqueue(
            new FakeIngestionCall(
                ruleId,
                stream,
                context.Request.Query["api-version"].FirstOrDefault(),
                encoding,
                compressed.Length,
                json.Length,
                elements.Count,
                reset ? 0 : answer.Status
            )
        );
        if (reset)
        {
            context.Abort();
            return;
        }
        await WriteAsync(context, answer);
    }

    private FakeResponse Validate(List<JsonElement> rows)
    {
        for (var index = 0; index < rows.Count; index++)
        {
            if (RowValidator(rows[index]) is { } problem)
            {
                return FakeResponse.Error(400, "InvalidArgument", $"Record {index} of the request: {problem}");
            }
        }
        return new FakeResponse(204);
    }

    private static async Task<bool> AuthorizedAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.FirstOrDefault() == "Bearer " + Token)
        {
            return true;
        }
        await WriteAsync(
            context,
            FakeResponse.Error(401, "InvalidAuthenticationToken", "The access token is invalid.")
        );
        return false;
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse answer)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, Encoding.UTF8);
        }
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }
        return output.ToArray();
    }
}
