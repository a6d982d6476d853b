using System.Text.Json;
using Azure;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

public sealed class LogsIngestionClientTests : IAsyncLifetime
{
    private const string Rule = "dcr-00000000000000000000000000000000";
    private const string Stream = "Custom-AnomalousResourceAccessResult_CL";
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A scored result row as the notebooks write them.</summary>
    public sealed record ScoredEntity(
        DateTimeOffset TimeGenerated,
        string Entity,
        double Score,
        bool IsAnomaly,
        string Explanation
    );

    /// <summary>About 2.7 MB of JSON: 6,000 rows of ~450 bytes, some with an infinite score.</summary>
    private static List<ScoredEntity> Rows(int count = 6000) =>
        Enumerable
            .Range(0, count)
            .Select(index => new ScoredEntity(
                new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(index),
                $"CONTOSO\\user{index}",
                index % 1000 == 0 ? double.PositiveInfinity : index / 7.0,
                index % 50 == 0,
                $"row {index}: " + new string('x', 360)
            ))
            .ToList();

    private static List<string> Expected(IEnumerable<ScoredEntity> rows) =>
        rows.Select(row =>
                JsonSerializer.Serialize(
                    row,
                    new JsonSerializerOptions
                    {
                        NumberHandling = System
                            .Text
                            .Json
                            .Serialization
                            .JsonNumberHandling
                            .AllowNamedFloatingPointLiterals,
                        Converters = { new SecurityML.Data.UtcTimestampJsonConverter() },
                    }
                )
            )
            .ToList();

    /// <summary>The stored rows without their SecmlRowId (checked to be there, unique, 32 hex digits).</summary>
    private List<string> StoredWithoutIds()
    {
        var stored = _server.IngestedRows;
        var ids = stored
            .Select(row =>
                JsonDocument.Parse(row).RootElement.GetProperty(LogsIngestionClient.RowIdColumnName).GetString()!
            )
            .ToList();
        ids.Should()
            .OnlyHaveUniqueItems()
            .And.OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{32}$"));
        return stored
            .Zip(
                ids,
                (row, id) =>
                    row.Replace($",\"{LogsIngestionClient.RowIdColumnName}\":\"{id}\"", "", StringComparison.Ordinal)
            )
            .ToList();
    }

    [Fact]
    public async Task Rows_go_in_order_in_gzip_batches_under_one_megabyte()
    {
        var credential = new StaticTokenCredential(FakeMonitorServer.Token);
        var rows = Rows();

        var result = (await TestClients.Ingestion(_server, credential).UploadAsync(Rule, Stream, rows)).Value;

        StoredWithoutIds().Should().Equal(Expected(rows));
        var calls = _server.IngestionCalls.ToList();
        calls
            .Should()
            .HaveCountGreaterThanOrEqualTo(3)
            .And.OnlyContain(call =>
                call.UncompressedBytes <= 1_000_000
                && call.ContentEncoding == "gzip"
                && call.ApiVersion == "2023-01-01"
                && call.RuleId == Rule
                && call.Stream == Stream
                && call.CompressedBytes < call.UncompressedBytes
            );
        result
            .Should()
            .Be(
                new LogsUploadResult(
                    rows.Count,
                    calls.Count,
                    calls.Sum(c => c.UncompressedBytes),
                    calls.Sum(c => c.CompressedBytes)
                )
            );
        credential.Scopes.Should().OnlyContain(scope => scope == "https://monitor.azure.com//.default");
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_without_losing_or_duplicating_a_row()
    {
        var retryAfter = new Dictionary<string, string> { ["retry-after-ms"] = "5" };
        _server.IngestionFaults.Enqueue(FakeResponse.Error(429, "TooManyRequests", "slow down", retryAfter));
        _server.IngestionFaults.Enqueue(FakeResponse.Error(500, "InternalServerError", "boom"));
        _server.IngestionFaults.Enqueue(FakeResponse.Error(503, "ServiceUnavailable", "busy", retryAfter));
        var rows = Rows();

        await TestClients.Ingestion(_server).UploadAsync(Rule, Stream, rows);

        StoredWithoutIds().Should().Equal(Expected(rows), "0 rows lost, 0 duplicated");
        _server.IngestionCalls.Select(call => call.Status).Take(4).Should().Equal(429, 500, 503, 204);
    }

    [Fact]
    public async Task When_retries_run_out_the_exception_says_where_to_resume_and_resuming_finishes_exactly()
    {
        var rows = Rows();
        var client = TestClients.Ingestion(_server, maximumRetries: 1);
        await client.UploadAsync(Rule, Stream, rows.Take(2500));
        _server.IngestionFaults.Enqueue(FakeResponse.Error(503, "ServiceUnavailable", "down"));
        _server.IngestionFaults.Enqueue(FakeResponse.Error(503, "ServiceUnavailable", "down"));

        var thrown = await client
            .Invoking(c => c.UploadAsync(Rule, Stream, rows, new LogsUploadOptions { StartIndex = 2500 }))
            .Should()
            .ThrowAsync<LogsIngestionException>();
        thrown.Which.AcceptedRowCount.Should().Be(0);
        thrown.Which.ResumeIndex.Should().Be(2500);
        thrown.Which.Status.Should().Be(503);
        thrown
            .Which.Message.Should()
            .Contain("No row from index 2500 on was accepted")
            .And.Contain("StartIndex = 2500")
            .And.NotContain("..");

        await client.UploadAsync(Rule, Stream, rows, new LogsUploadOptions { StartIndex = thrown.Which.ResumeIndex });
        StoredWithoutIds().Should().Equal(Expected(rows));
    }

    [Fact]
    public async Task A_rejected_row_is_found_by_bisection_reported_with_its_reason_and_every_other_row_is_stored_once()
    {
        var rows = Rows();
        rows[4321] = rows[4321] with { Entity = "bad-row" };
        _server.RowValidator = row =>
            row.GetProperty("Entity").GetString() == "bad-row" ? "column Entity: value not allowed" : null;

        var thrown = await TestClients
            .Ingestion(_server)
            .Invoking(c => c.UploadAsync(Rule, Stream, rows))
            .Should()
            .ThrowAsync<LogsIngestionException>();

        thrown.Which.Status.Should().Be(400);
        thrown.Which.RejectedRows.Should().ContainSingle().Which.Index.Should().Be(4321);
        thrown.Which.RejectedRows[0].Reason.Should().Contain("column Entity: value not allowed");
        thrown.Which.AcceptedRowCount.Should().Be(rows.Count - 1);
        thrown.Which.ResumeIndex.Should().Be(rows.Count);
        thrown
            .Which.Message.Should()
            .Contain("1 of the 6000 rows were rejected")
            .And.Contain("row 4321")
            .And.Contain("bad-row")
            .And.Contain("column Entity: value not allowed");
        StoredWithoutIds().Should().Equal(Expected(rows.Where((_, index) => index != 4321)));
    }

    [Fact]
    public void The_synchronous_upload_settles_rows_the_same_way()
    {
        var rows = Rows(3000);
        rows[10] = rows[10] with { Entity = "bad-row" };
        _server.RowValidator = row =>
            row.GetProperty("Entity").GetString() == "bad-row" ? "column Entity: value not allowed" : null;
        var client = TestClients.Ingestion(_server);

        var thrown = client
            .Invoking(c => c.Upload(Rule, Stream, rows, new LogsUploadOptions { StartIndex = 5 }))
            .Should()
            .Throw<LogsIngestionException>()
            .Which;

        (thrown.StartIndex, thrown.ResumeIndex, thrown.AcceptedRowCount).Should().Be((5L, 3000L, 2994L));
        thrown.RejectedRows.Select(row => row.Index).Should().Equal(10L);
        StoredWithoutIds().Should().Equal(Expected(rows.Where((_, index) => index >= 5 && index != 10)));
    }

    [Fact]
    public async Task A_timed_out_batch_is_not_resent_and_is_reported_as_unknown()
    {
        _server.IngestionFaults.Enqueue(FakeResponse.Slow(TimeSpan.FromSeconds(5)));
        var client = TestClients.Ingestion(
            _server,
            configure: options => options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300)
        );

        var thrown = await client
            .Invoking(c => c.UploadAsync(Rule, Stream, Rows(10)))
            .Should()
            .ThrowAsync<LogsIngestionException>();

        thrown.Which.IsOutcomeUnknown.Should().BeTrue();
        thrown.Which.AcceptedRowCount.Should().Be(0);
        thrown.Which.ResumeIndex.Should().Be(0);
        thrown
            .Which.Message.Should()
            .Contain("Rows 0 to 9 (10) got no answer")
            .And.Contain("StartIndex = 0")
            .And.Contain("SecmlRowId");
        await Task.Delay(100);
        _server.IngestionCalls.Should().HaveCountLessThanOrEqualTo(1, "an ambiguous batch is never sent twice");
    }

    [Fact]
    public async Task Forbidden_names_the_role_and_the_rule()
    {
        _server.IngestionFaults.Enqueue(
            FakeResponse.Error(403, "Forbidden", "The authentication token provided does not have access.")
        );

        var thrown = await TestClients
            .Ingestion(_server)
            .Invoking(c => c.UploadAsync(Rule, Stream, Rows(3)))
            .Should()
            .ThrowAsync<LogsIngestionException>();

        thrown.Which.Status.Should().Be(403);
        thrown.Which.Message.Should().Contain("Monitoring Metrics Publisher").And.Contain(Rule);
    }

    [Fact]
    public async Task The_results_sink_writes_a_table_to_its_stream()
    {
        const string SecondRule = "dcr-11111111111111111111111111111111";
        var sink = new LogAnalyticsResultsSink(
            TestClients.Ingestion(_server),
            Rule,
            new Dictionary<string, string> { ["Other_CL"] = "Custom-Renamed" },
            new Dictionary<string, string> { ["Thresholds"] = SecondRule }
        );

        var summary = await sink.WriteAsync("AnomalousResourceAccessResult_CL", Rows(5));
        await sink.WriteAsync("Other_CL", Rows(2));
        var second = await sink.WriteAsync("Thresholds", Rows(1));

        summary.RowCount.Should().Be(5);
        summary.Destination.Should().EndWith($"/dataCollectionRules/{Rule}/streams/{Stream}");
        second.Destination.Should().EndWith($"/dataCollectionRules/{SecondRule}/streams/Custom-Thresholds");
        _server
            .IngestionCalls.Select(call => (call.RuleId, call.Stream))
            .Should()
            .Equal((Rule, Stream), (Rule, "Custom-Renamed"), (SecondRule, "Custom-Thresholds"));
        await sink.Invoking(s => s.WriteAsync("bad name |", Rows(1))).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task A_row_larger_than_one_call_is_reported_rejected_without_being_sent_and_the_others_are_stored()
    {
        var rows = Rows(3);
        rows[1] = rows[1] with { Explanation = new string('y', 1_100_000) };

        var thrown = (
            await TestClients
                .Ingestion(_server)
                .Invoking(c => c.UploadAsync(Rule, Stream, rows))
                .Should()
                .ThrowAsync<LogsIngestionException>()
        ).Which;

        (thrown.AcceptedRowCount, thrown.ResumeIndex, thrown.IsOutcomeUnknown).Should().Be((2L, 3L, false));
        thrown
            .RejectedRows.Should()
            .ContainSingle()
            .Which.Should()
            .Match<LogsRejectedRow>(row =>
                row.Index == 1 && row.Status == 413 && row.Reason.Contains("one call takes at most 999998")
            );
        thrown.Message.Should().Contain("row 1").And.NotContain("(Parameter");
        _server.IngestedRows.Should().HaveCount(2);
        _server
            .IngestionCalls.Should()
            .OnlyContain(call => call.RowCount == 1, "row 1 was never sent, so rows 0 and 2 went apart");
    }
}
