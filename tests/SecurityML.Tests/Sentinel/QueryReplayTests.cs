using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using SecurityML.Data;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Replays every query, export and provider case of <c>../shared/reference-data/azure/replay-cases.json</c> (real
/// recorded Log Analytics answers and a few derived ones) through the query client, the exporter and the provider
/// against the loopback fake server, and checks each case's "expect" as a user needs it.
/// </summary>
public sealed class QueryReplayTests : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private static readonly HashSet<string> Operations = ["query", "query-partial-allowed", "export", "provider"];
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The cases replayed by <see cref="Replays_the_recorded_answer_as_a_user_needs_it"/> (D05 has its own
    /// test).</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (
            var replay in AzureReferenceData.Cases.Where(c =>
                Operations.Contains(c.Operation) && !c.Id.StartsWith("D05", StringComparison.Ordinal)
            )
        )
        {
            data.Add(replay.Id);
        }
        return data;
    }

    [Fact]
    public void Every_query_export_and_provider_case_of_the_reference_data_is_replayed()
    {
        var ids = AzureReferenceData
            .Cases.Where(c => Operations.Contains(c.Operation))
            .Select(c => c.Id.Split('-')[0])
            .ToList();

        ids.Should().HaveCount(21).And.BeEquivalentTo(QueryReplayChecks.All.Keys.Append("D05"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Replays_the_recorded_answer_as_a_user_needs_it(string id)
    {
        var replay = AzureReferenceData.Cases.Single(c => c.Id == id);
        if (replay.Operation is "export" or "provider")
        {
            _server.QueryResponder = InOrderThenLast(replay.Responses);
        }
        else
        {
            foreach (var response in replay.Responses)
            {
                _server.QueryFaults.Enqueue(response.ToFake());
            }
        }

        await QueryReplayChecks.All[id.Split('-')[0]](new QueryReplayContext(_server, replay));
    }

    [Fact]
    public async Task D05_user_directory_with_an_account_filter_never_sends_a_query_that_cannot_resolve_its_columns()
    {
        var replay = AzureReferenceData.Case("D05");
        var accounts = replay.Raw["filterAccounts"]!.AsArray().Select(node => (string)node!).ToList();
        var directory = AzureReferenceData.Case("D04").Responses[0];
        _server.QueryResponder = query =>
            IdentityInfoColumns.Unresolved(query.Query).Count > 0 ? replay.Responses[0].ToFake() : directory.ToFake();
        var provider = new LogAnalyticsQueryProvider(
            TestClients.Query(_server),
            Workspace,
            new SentinelQueryFilter { Accounts = accounts }
        );

        var entries = await provider.LoadAsync(DataSets.UserDirectory, TimeRange.All);

        entries.Should().NotBeEmpty();
        IdentityInfoColumns.Unresolved(_server.Queries.Single().Query).Should().BeEmpty();
        _server.Queries.Single().Query.Should().Contain("anna@contoso.com");
    }

    [Fact]
    public void The_D05_column_check_tells_resolvable_from_unresolvable_IdentityInfo_filters()
    {
        IdentityInfoColumns
            .Unresolved(
                "IdentityInfo\n| where TimeGenerated > ago(14d)\n| where AccountUPN in~ (\"anna@contoso.com\")"
                    + "\n| summarize arg_max(TimeGenerated, *) by AccountUPN\n| project UserPrincipalName = AccountUPN"
            )
            .Should()
            .BeEmpty();
        IdentityInfoColumns
            .Unresolved(
                "IdentityInfo\n| where TimeGenerated > ago(14d)\n| where UserPrincipalName in~ (\"anna@contoso.com\")"
                    + "\n| summarize arg_max(TimeGenerated, *) by AccountUPN"
            )
            .Should()
            .Equal("UserPrincipalName");
    }

    [Fact]
    public async Task I07_an_ingestion_error_code_sent_only_in_the_x_ms_error_code_header_is_the_error_code()
    {
        var replay = AzureReferenceData.Case("I07");
        _server.IngestionFaults.Enqueue(replay.Responses[0].ToFake());
        var client = TestClients.Ingestion(_server, maximumRetries: 0);

        var thrown = await FluentActions
            .Awaiting(() => client.UploadAsync("dcr-1", "Custom-X_CL", Azure.Core.RequestContent.Create("[{\"A\":1}]")))
            .Should()
            .ThrowAsync<RequestFailedException>();

        var failures = new List<RequestFailedException>();
        for (Exception? inner = thrown.Which; inner is not null; inner = inner.InnerException)
        {
            failures.AddRange(inner is RequestFailedException failed ? [failed] : []);
        }
        failures
            .Should()
            .Contain(failure =>
                failure.Status == 413
                && failure.ErrorCode == "ContentLengthLimitExceeded"
                && failure.Message.Contains("ContentLengthLimitExceeded", StringComparison.Ordinal)
            );
    }

    [Theory]
    [InlineData("InvalidAuthenticationTokenAudience", "another audience")]
    [InlineData("AuthorizationFailed", "Log Analytics Reader")]
    public async Task A_query_error_code_sent_only_in_the_x_ms_error_code_header_chooses_the_advice(
        string code,
        string advice
    )
    {
        _server.QueryFaults.Enqueue(
            new FakeResponse(403, "", new Dictionary<string, string> { ["x-ms-error-code"] = code })
        );

        var thrown = await FluentActions
            .Awaiting(() => TestClients.Query(_server).QueryWorkspaceAsync(Workspace, "q"))
            .Should()
            .ThrowAsync<RequestFailedException>();

        thrown.Which.ErrorCode.Should().Be(code);
        thrown.Which.Message.Should().Contain(advice).And.Contain("Service error code: " + code);
    }

    /// <summary>Serves the answers in order, then the last one again; rows of a table with a TimeGenerated column are
    /// kept only inside the request's timespan, as the service does.</summary>
    private static Func<FakeQuery, FakeResponse> InOrderThenLast(IReadOnlyList<RecordedResponse> responses)
    {
        var next = 0;
        return query =>
        {
            var response = responses[Math.Min(next++, responses.Count - 1)];
            return query.Timespan is null || response.Status != 200
                ? response.ToFake()
                : response.ToFake() with
                {
                    Body = Within(response.Body, query.Timespan),
                };
        };
    }

    private static string Within(string body, string timespan)
    {
        var ends = timespan
            .Split('/')
            .Select(text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture))
            .ToArray();
        var root = JsonNode.Parse(body)!;
        foreach (var table in root["tables"]!.AsArray())
        {
            var time = table!["columns"]!
                .AsArray()
                .Select(column => (string)column!["name"]!)
                .ToList()
                .IndexOf("TimeGenerated");
            if (time < 0)
            {
                continue;
            }
            var rows = table["rows"]!.AsArray();
            foreach (var row in rows.ToList())
            {
                var at = DateTimeOffset.Parse((string)row![time]!, CultureInfo.InvariantCulture);
                if (at < ends[0] || at >= ends[1])
                {
                    rows.Remove(row);
                }
            }
        }
        return root.ToJsonString();
    }
}

/// <summary>A replay case with the fake server it runs against.</summary>
internal sealed record QueryReplayContext(FakeMonitorServer Server, ReplayCase Replay)
{
    public const string Workspace = "11111111-2222-3333-4444-555555555555";

    public LogAnalyticsQueryClient Client(int maximumRetries = 3) =>
        TestClients.Query(Server, maximumRetries: maximumRetries);

    public async Task<LogAnalyticsQueryResult> QueryAsync(bool allowPartialErrors = false) =>
        (
            await Client()
                .QueryWorkspaceAsync(
                    Workspace,
                    "replay",
                    options: new LogAnalyticsQueryOptions { AllowPartialErrors = allowPartialErrors }
                )
        ).Value;

    public async Task<RequestFailedException> FailAsync(string workspace = Workspace)
    {
        try
        {
            await Client().QueryWorkspaceAsync(workspace, "replay");
        }
        catch (RequestFailedException exception)
        {
            exception.Message.Should().NotContain("Code: Code:").And.NotMatchRegex(@"(\w+): \1:");
            return exception;
        }
        throw new InvalidOperationException($"{Replay.Id}: expected an error ({Replay.Expect}).");
    }
}

/// <summary>The IdentityInfo columns (../shared/reference-data/azure/schemas/sentinel/IdentityInfo.json) and a check of
/// the identifiers a query uses before its first summarize/project: those are the table's own columns.</summary>
internal static class IdentityInfoColumns
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "IdentityInfo",
        "where",
        "and",
        "or",
        "not",
        "ago",
        "in",
        "in~",
        "has",
        "has_any",
        "contains",
        "startswith",
        "isempty",
        "isnotempty",
        "tostring",
        "tolower",
        "true",
        "false",
    };

    private static readonly Lazy<HashSet<string>> Columns = new(() =>
    {
        using var schema = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AzureReferenceData.Folder, "schemas", "sentinel", "IdentityInfo.json"))
        );
        return schema
            .RootElement.GetProperty("Properties")
            .EnumerateArray()
            .Select(column => column.GetProperty("name").GetString()!)
            .ToHashSet();
    });

    /// <summary>String literals ("..." and '...' with backslash escapes), blanked before identifiers are
    /// read.</summary>
    private static readonly Regex Literal = new(
        @"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'",
        RegexOptions.CultureInvariant
    );

    private static readonly Regex Identifier = new(@"\b[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant);

    private static readonly Regex Shape = new(@"\|\s*(summarize|project)\b", RegexOptions.CultureInvariant);

    public static List<string> Unresolved(string query)
    {
        var text = Literal.Replace(query, "\"\"");
        var shape = Shape.Match(text);
        var filters = shape.Success ? text[..shape.Index] : text;
        return Identifier
            .Matches(filters)
            .Select(match => match.Value)
            .Where(name => !Operators.Contains(name) && !Columns.Value.Contains(name))
            .Distinct()
            .ToList();
    }
}
