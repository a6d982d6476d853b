using System.Diagnostics;
using Azure;
using SecurityML.Data;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

public sealed class LogAnalyticsQueryClientTests : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private const string EveryType = """
        {"tables":[{"name":"PrimaryResult","columns":[
          {"name":"S","type":"string"},{"name":"T","type":"datetime"},{"name":"I","type":"int"},{"name":"L","type":"long"},
          {"name":"R","type":"real"},{"name":"B","type":"bool"},{"name":"G","type":"guid"},{"name":"D","type":"dynamic"},
          {"name":"Span","type":"timespan"},{"name":"M","type":"decimal"}],
         "rows":[
          ["CONTOSO\\anna \"q\"","2024-03-01T10:20:30.1234567Z",-2147483648,9007199254740993,0.1,true,"6f9619ff-8b86-d011-b42d-00cf4fc964ff","{\"a\":[1,2]}","1.02:03:04.5000000","79228162514264337593543950335"],
          ["",  "2024-03-01T00:00:00Z",2147483647,-9223372036854775808,"NaN",false,"00000000-0000-0000-0000-000000000000",{"b":true},"-00:00:01","-0.0000001"],
          [null,null,null,null,"-Infinity",null,null,null,null,null]]}]}
        """;

    [Fact]
    public async Task Parses_every_column_type_to_its_dotnet_type()
    {
        _server.QueryResponder = _ => new FakeResponse(200, EveryType);
        var result = (await TestClients.Query(_server).QueryWorkspaceAsync(Workspace, "T | take 3")).Value;

        result.Status.Should().Be(LogAnalyticsQueryResultStatus.Success);
        result.Table.Columns.Select(column => column.Type).Should().Equal(Enum.GetValues<LogAnalyticsColumnType>());
        var first = result.Table.Rows[0];
        first[0].Should().Be("CONTOSO\\anna \"q\"");
        first[1].Should().Be(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(1234567));
        first[2].Should().Be(int.MinValue);
        first[3].Should().Be(9007199254740993L);
        first[4].Should().Be(0.1);
        first[5].Should().Be(true);
        first[6].Should().Be(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
        ((BinaryData)first[7]!).ToString().Should().Be("{\"a\":[1,2]}");
        first[8].Should().Be(new TimeSpan(1, 2, 3, 4, 500));
        first[9].Should().Be(decimal.MaxValue);
        var second = result.Table.Rows[1];
        second[3].Should().Be(long.MinValue);
        ((double)second[4]!).Should().Be(double.NaN);
        ((BinaryData)second[7]!).ToString().Should().Be("{\"b\":true}");
        second[8].Should().Be(TimeSpan.FromSeconds(-1));
        second[9].Should().Be(-0.0000001m);
        result
            .Table.Rows[2]
            .Should()
            .Equal(new object?[] { null, null, null, null, double.NegativeInfinity, null, null, null, null, null });
    }

    [Fact]
    public async Task Sends_query_timespan_prefer_wait_and_requests_the_log_analytics_scope()
    {
        var credential = new StaticTokenCredential(FakeMonitorServer.Token);
        var client = TestClients.Query(_server, credential, options => options.ServerTimeout = TimeSpan.FromMinutes(5));
        var range = new TimeRange(
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero)
        );

        await client.QueryWorkspaceAsync(Workspace, "SecurityEvent | take 1", range);

        var sent = _server.Queries.Single();
        sent.Should()
            .Be(
                new FakeQuery(
                    Workspace,
                    "SecurityEvent | take 1",
                    "2024-01-01T00:00:00.0000000Z/2024-01-02T00:00:00.0000000Z",
                    "wait=300"
                )
            );
        credential.Scopes.Should().OnlyContain(scope => scope == "https://api.loganalytics.io/.default");
    }

    [Fact]
    public async Task Partial_errors_throw_by_default_and_are_returned_when_allowed()
    {
        var error = new
        {
            code = "PartialError",
            message = "There were some errors.",
            details = new[]
            {
                new
                {
                    code = "EngineError",
                    message = "Result too large",
                    innererror = new { code = "E_QUERY_RESULT_SET_TOO_LARGE", message = "64 MB" },
                },
            },
        };
        _server.QueryResponder = _ => new FakeResponse(
            200,
            TableJson.Response(new[] { new HourlyOutboundBytes { TotalBytesSent = 5 } }, error)
        );
        var client = TestClients.Query(_server);

        var thrown = await client
            .Invoking(c => c.QueryWorkspaceAsync(Workspace, "q"))
            .Should()
            .ThrowAsync<RequestFailedException>();
        thrown.Which.ErrorCode.Should().Be("PartialError");
        thrown.Which.Message.Should().Contain("E_QUERY_RESULT_SET_TOO_LARGE").And.Contain("AllowPartialErrors");

        var result = (
            await client.QueryWorkspaceAsync(
                Workspace,
                "q",
                options: new LogAnalyticsQueryOptions { AllowPartialErrors = true }
            )
        ).Value;
        result.Status.Should().Be(LogAnalyticsQueryResultStatus.PartialFailure);
        result.IsTruncated.Should().BeTrue();
        result.Table.Rows.Should().ContainSingle();
    }

    [Fact]
    public async Task Unauthorized_says_to_sign_in_and_check_the_tenant()
    {
        var client = TestClients.Query(_server, new StaticTokenCredential("expired-token"));

        var thrown = await client
            .Invoking(c => c.QueryWorkspaceAsync(Workspace, "q"))
            .Should()
            .ThrowAsync<RequestFailedException>();

        thrown.Which.Status.Should().Be(401);
        thrown
            .Which.Message.Should()
            .Contain("sign in again")
            .And.Contain("AZURE_TENANT_ID")
            .And.Contain("https://api.loganalytics.io/.default");
        _server.Queries.Should().BeEmpty("a 401 is not retried");
    }

    [Fact]
    public async Task Forbidden_names_the_role_to_grant_and_the_workspace()
    {
        _server.QueryFaults.Enqueue(
            FakeResponse.Error(403, "InsufficientAccessError", "The provided credentials have insufficient access.")
        );

        var thrown = await TestClients
            .Query(_server)
            .Invoking(c => c.QueryWorkspaceAsync(Workspace, "q"))
            .Should()
            .ThrowAsync<RequestFailedException>();

        thrown.Which.Status.Should().Be(403);
        thrown
            .Which.Message.Should()
            .Contain("Log Analytics Reader")
            .And.Contain(Workspace)
            .And.Contain("InsufficientAccessError");
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_retry_after_delay()
    {
        _server.QueryFaults.Enqueue(FakeResponse.Throttled("1"));
        var watch = Stopwatch.StartNew();

        var response = await TestClients.Query(_server).QueryWorkspaceAsync(Workspace, "q");

        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(900), "Retry-After: 1 means one second");
        response.GetRawResponse().Status.Should().Be(200);
        _server.Queries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_with_advice()
    {
        _server.QueryFaults.Enqueue(FakeResponse.Error(500, "InternalServerError", "boom"));
        _server.QueryFaults.Enqueue(FakeResponse.Error(503, "ServiceUnavailable", "busy"));
        (await TestClients.Query(_server).QueryWorkspaceAsync(Workspace, "q")).GetRawResponse().Status.Should().Be(200);
        _server.Queries.Should().HaveCount(3);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            _server.QueryFaults.Enqueue(FakeResponse.Error(502, "BadGateway", "down"));
        }
        var thrown = await TestClients
            .Query(_server, maximumRetries: 2)
            .Invoking(c => c.QueryWorkspaceAsync(Workspace, "q"))
            .Should()
            .ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(502);
        thrown.Which.Message.Should().Contain("retries ran out");
        _server.Queries.Should().HaveCount(6);
    }

    [Fact]
    public async Task A_timed_out_query_is_retried()
    {
        _server.QueryFaults.Enqueue(FakeResponse.Slow(TimeSpan.FromSeconds(30)));
        var client = TestClients.Query(
            _server,
            configure: options => options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3)
        );

        var response = await client.QueryWorkspaceAsync(Workspace, "q");

        response.GetRawResponse().Status.Should().Be(200);
        _server.Queries.Should().HaveCount(2);
    }

    [Fact]
    public void Rejects_bad_server_timeouts_with_the_range_and_value()
    {
        var options = new LogAnalyticsQueryClientOptions();
        options
            .Invoking(o => o.ServerTimeout = TimeSpan.FromMinutes(11))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*(0, 00:10:00]*00:11:00*");
    }
}
