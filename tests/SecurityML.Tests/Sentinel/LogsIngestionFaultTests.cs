using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Write-back under faults, 20,000 rows against the loopback fake: whatever fails, after the documented resume (the
/// same rows again with <c>StartIndex = ResumeIndex</c>) every row is stored once (de-duplicated by <c>SecmlRowId</c>
/// as the documented KQL does) or reported rejected, and the counts the uploader reports equal what the fake stored.
/// </summary>
public sealed class LogsIngestionFaultTests : IAsyncLifetime
{
    private const string Rule = "dcr-00000000000000000000000000000000";
    private const string Stream = "Custom-FaultTest_CL";
    private const int RowCount = 20_000;
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A results row; <c>Sequence</c> is its index, so a stored row says which row it is.</summary>
    public sealed record FaultRow(DateTimeOffset TimeGenerated, int Sequence, string Entity, double Score);

    private static List<FaultRow> Rows() =>
        Enumerable
            .Range(0, RowCount)
            .Select(index => new FaultRow(
                new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(index),
                index,
                $"CONTOSO\\user{index % 997}",
                index % 4000 == 0 ? double.NaN : index / 3.0
            ))
            .ToList();

    /// <summary>About 40 batches of at most 100 kB, a 6 s network timeout (a loaded 2-core CI machine can take
    /// seconds to answer an ordinary batch, which must not count as a fault), one retry with tiny delays.</summary>
    private LogsIngestionClient Client(Action<LogsIngestionClientOptions>? configure = null) =>
        TestClients.Ingestion(
            _server,
            maximumRetries: 1,
            configure: options =>
            {
                options.MaximumBatchBytes = 100_000;
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(6);
                configure?.Invoke(options);
            }
        );

    public static TheoryData<string, int> Faults() =>
        new()
        {
            { "400", 0 },
            { "400", 1 },
            { "400", 13 },
            { "400", 26 },
            { "413", 0 },
            { "413", 17 },
            { "500", 5 },
            { "503", 22 },
            { "reset", 0 },
            { "reset", 9 },
            { "store-then-reset", 9 },
            { "hang", 3 },
            { "store-then-answer-late", 0 },
            { "store-then-answer-late", 25 },
        };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task No_row_is_lost_or_duplicated_after_the_documented_resume(string fault, int call)
    {
        _server.IngestionScript = number =>
            number == call || (fault is "500" or "503" && number == call + 1) ? Fault(fault) : null;

        var outcome = await UploadWithResumeAsync(Client());

        AssertEveryRowStoredOnceOrRejected(outcome);
        _server.IngestionCalls.Count.Should().BeGreaterThan(call, "the scripted call happened");
        if (fault is "400" or "413")
        {
            outcome
                .Stops.Should()
                .Be(0, "a batch refused as a whole (400, or 413 too large) is bisected and its good halves all stored");
            outcome.Rejected.Should().BeEmpty();
        }
        else
        {
            outcome.Stops.Should().Be(1, $"the fault ({fault} on call {call}) is reported, not hidden");
        }
    }

    [Fact]
    public async Task Rejected_rows_are_all_reported_and_every_other_row_is_stored_even_with_400s_during_bisection()
    {
        var bad = new HashSet<int> { 0, 2, 3, 500, 501, 502, 4321, 9000, 9999, 10_000, 19_998, 19_999 };
        _server.RowValidator = row =>
            bad.Contains(row.GetProperty("Sequence").GetInt32()) ? "column Score: value not allowed" : null;
        _server.IngestionScript = number => number is 3 or 5 or 8 or 60 or 61 ? FakeIngestionFault.BadRequest : null;

        var outcome = await UploadWithResumeAsync(Client());

        AssertEveryRowStoredOnceOrRejected(outcome);
        outcome
            .Rejected.Select(row => row.Index)
            .Should()
            .OnlyHaveUniqueItems()
            .And.Contain(
                bad.Select(index => (long)index),
                "every bad row is reported; a good row is reported only if a scripted 400 hit it alone"
            );
        outcome
            .Rejected.Where(row => bad.Contains((int)row.Index))
            .Should()
            .OnlyContain(row =>
                row.Status == 400
                && row.ErrorCode == "InvalidArgument"
                && row.Reason.Contains("column Score: value not allowed")
            );
        outcome.Stops.Should().Be(1, "rejections are reported once, after every other row was sent");
        outcome.Messages[0].Should().Contain("rejected").And.Contain("row 0").And.NotContain("..-1");
    }

    [Fact]
    public async Task A_400_that_persists_mid_upload_is_taken_as_request_level_after_a_bounded_number_of_requests()
    {
        _server.IngestionScript = number => number >= 6 ? FakeIngestionFault.BadRequest : null;
        var client = Client();

        var thrown = (
            await client
                .Invoking(c => c.UploadAsync(Rule, Stream, Rows()))
                .Should()
                .ThrowAsync<LogsIngestionException>()
        ).Which;

        thrown
            .RejectedRows.Should()
            .BeEmpty("a 400 that refuses every row alone is about the request; no row is blamed");
        thrown.Message.Should().Contain("no row is blamed").And.Contain($"StartIndex = {thrown.ResumeIndex}");
        _server
            .IngestionCalls.Count.Should()
            .BeLessThan(6 + 2 * (BatchUploader.MaximumRefusedRun + 12), "bisection stops early");
        _server.IngestionScript = null;
        await client.UploadAsync(Rule, Stream, Rows(), new LogsUploadOptions { StartIndex = thrown.ResumeIndex });
        _server
            .IngestedRows.Select(row => JsonDocument.Parse(row).RootElement.GetProperty("Sequence").GetInt32())
            .Should()
            .Equal(Enumerable.Range(0, RowCount), "nothing lost, nothing twice");
    }

    [Fact]
    public async Task A_throttled_request_waits_the_servers_retry_after_and_goes_on()
    {
        _server.IngestionScript = number => number == 7 ? new FakeIngestionFault(FakeResponse.Throttled("1")) : null;
        var watch = Stopwatch.StartNew();

        var outcome = await UploadWithResumeAsync(Client(options => options.Retry.MaxDelay = TimeSpan.FromSeconds(2)));

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        outcome.Stops.Should().Be(0);
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task A_retry_after_beyond_max_delay_stops_at_once_and_says_so()
    {
        _server.IngestionScript = number => number == 4 ? new FakeIngestionFault(FakeResponse.Throttled("3600")) : null;
        var watch = Stopwatch.StartNew();

        var outcome = await UploadWithResumeAsync(Client(options => options.Retry.MaxDelay = TimeSpan.FromSeconds(2)));

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "a Retry-After of an hour is not waited for");
        outcome.Stops.Should().Be(1);
        outcome.Messages[0].Should().Contain("3600 s").And.Contain("MaxDelay").And.Contain("StartIndex = ");
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task A_retry_after_past_the_upload_deadline_stops_at_once()
    {
        _server.IngestionScript = number => number == 2 ? new FakeIngestionFault(FakeResponse.Throttled("20")) : null;

        var outcome = await UploadWithResumeAsync(
            Client(options =>
            {
                options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
                options.UploadTimeout = TimeSpan.FromSeconds(10);
            })
        );

        outcome.Stops.Should().Be(1);
        outcome.Messages[0].Should().Contain("UploadTimeout");
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task The_upload_deadline_stops_a_request_in_flight_and_reports_it_as_unknown()
    {
        _server.IngestionScript = number =>
            number == 2 ? FakeIngestionFault.StoreThenAnswerLate(TimeSpan.FromSeconds(30)) : null;
        var watch = Stopwatch.StartNew();

        var outcome = await UploadWithResumeAsync(
            Client(options =>
            {
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
                options.UploadTimeout = TimeSpan.FromSeconds(8);
            })
        );

        watch
            .Elapsed.Should()
            .BeLessThan(TimeSpan.FromSeconds(28), "the deadline, not the 30 s answer, ends the first attempt");
        outcome.Stops.Should().Be(1);
        outcome.Messages[0].Should().Contain("deadline").And.Contain("UploadTimeout").And.Contain("SecmlRowId");
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task A_slow_answer_within_the_network_timeout_is_simply_waited_for()
    {
        _server.IngestionScript = number =>
            number is 1 or 30
                ? new FakeIngestionFault(new FakeResponse(204, Delay: TimeSpan.FromMilliseconds(800)))
                : null;

        var outcome = await UploadWithResumeAsync(Client());

        outcome.Stops.Should().Be(0);
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    /// <summary>The rows, read lazily, with <paramref name="failure"/> thrown when row <paramref name="at"/> is
    /// reached.</summary>
    private static IEnumerable<FaultRow> FailingAt(int at, Exception failure)
    {
        foreach (var row in Rows())
        {
            if (row.Sequence == at)
            {
                throw failure;
            }
            yield return row;
        }
    }

    [Fact]
    public async Task A_row_source_that_throws_part_way_settles_the_rows_before_it_and_says_where_to_resume()
    {
        var outcome = await UploadWithResumeAsync(
            Client(),
            FailingAt(3000, new FormatException("line 3001: bad timestamp"))
        );

        outcome.Stops.Should().Be(1);
        outcome
            .Messages[0]
            .Should()
            .Contain("Row 3000 could not be read or serialised (FormatException: line 3001: bad timestamp)")
            .And.Contain("StartIndex = 3000");
        outcome.Rejected.Should().BeEmpty();
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task A_failing_source_gives_the_original_exception_and_every_row_serialised_before_it_is_stored()
    {
        var thrown = (
            await Client()
                .Invoking(c => c.UploadAsync(Rule, Stream, FailingAt(3000, new FormatException("bad"))))
                .Should()
                .ThrowAsync<LogsIngestionException>()
        ).Which;

        thrown.InnerException.Should().BeOfType<FormatException>();
        (thrown.AcceptedRowCount, thrown.ResumeIndex, thrown.IsOutcomeUnknown).Should().Be((3000L, 3000L, false));
        _server
            .IngestedRows.Select(row => JsonDocument.Parse(row).RootElement.GetProperty("Sequence").GetInt32())
            .Should()
            .Equal(Enumerable.Range(0, 3000), "the batch in hand was sent before stopping");
    }

    /// <summary>A row whose serialisation throws.</summary>
    public sealed record ThrowingRow(int Sequence)
    {
        /// <summary>Throws for row 7.</summary>
        public string Entity => Sequence == 7 ? throw new InvalidOperationException("getter failed") : "e";
    }

    [Fact]
    public async Task A_row_the_serialiser_cannot_write_stops_the_upload_at_that_row_after_sending_the_rows_before_it()
    {
        var thrown = (
            await Client()
                .Invoking(c =>
                    c.UploadAsync(Rule, Stream, Enumerable.Range(0, 10).Select(index => new ThrowingRow(index)))
                )
                .Should()
                .ThrowAsync<LogsIngestionException>()
        ).Which;

        thrown.InnerException.Should().BeOfType<InvalidOperationException>();
        (thrown.AcceptedRowCount, thrown.ResumeIndex).Should().Be((7L, 7L));
        _server.IngestedRows.Should().HaveCount(7);
    }

    [Fact]
    public async Task Two_bad_rows_at_the_very_start_are_reported_rejected_and_the_rest_stored()
    {
        _server.RowValidator = row =>
            row.GetProperty("Sequence").GetInt32() is 0 or 1 ? "column Score: value not allowed" : null;

        var outcome = await UploadWithResumeAsync(Client());

        outcome.Rejected.Select(row => row.Index).Should().Equal(0, 1);
        outcome.Stops.Should().Be(1, "the rejections are reported once; no resume loops");
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task A_row_larger_than_one_call_is_rejected_and_the_upload_goes_on_without_looping()
    {
        var rows = Rows();
        rows[500] = rows[500] with { Entity = new string('x', 20_000) };

        var thrown = (
            await Client(options => options.MaximumBatchBytes = 10_000)
                .Invoking(c => c.UploadAsync(Rule, Stream, rows))
                .Should()
                .ThrowAsync<LogsIngestionException>()
        ).Which;

        thrown
            .RejectedRows.Should()
            .ContainSingle()
            .Which.Reason.Should()
            .Contain("its JSON is 20")
            .And.Contain("one call takes at most 9998");
        (thrown.AcceptedRowCount, thrown.ResumeIndex).Should().Be((RowCount - 1L, (long)RowCount));
        thrown.Message.Should().NotContain("(Parameter");
        _server
            .IngestedRows.Select(row => JsonDocument.Parse(row).RootElement.GetProperty("Sequence").GetInt32())
            .Should()
            .Equal(Enumerable.Range(0, RowCount).Where(index => index != 500));
    }

    [Fact]
    public async Task Cancelling_an_upload_in_flight_is_a_cancellation_that_carries_the_counts_and_the_resume_index()
    {
        using var cancel = new CancellationTokenSource();
        _server.IngestionScript = number =>
        {
            if (number != 5)
            {
                return null;
            }
            cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            return FakeIngestionFault.StoreThenAnswerLate(TimeSpan.FromSeconds(3));
        };

        var outcome = await UploadWithResumeAsync(Client(), firstToken: cancel.Token);

        outcome.Stops.Should().Be(1);
        outcome
            .Messages[0]
            .Should()
            .Contain("cancelled")
            .And.Contain("may or may not have stored them")
            .And.Contain("SecmlRowId");
        outcome.UnknownBatchRows.Should().BeGreaterThan(0, "the batch in flight is reported as unknown");
        AssertEveryRowStoredOnceOrRejected(outcome);
    }

    [Fact]
    public async Task Cancelling_between_requests_reports_the_rows_settled_and_nothing_unknown()
    {
        using var cancel = new CancellationTokenSource();
        var client = Client();

        var thrown = (
            await client
                .Invoking(c =>
                    c.UploadAsync(
                        Rule,
                        Stream,
                        Rows()
                            .Select(row =>
                            {
                                if (row.Sequence == 5000)
                                {
                                    cancel.Cancel();
                                }
                                return row;
                            }),
                        null,
                        cancel.Token
                    )
                )
                .Should()
                .ThrowAsync<OperationCanceledException>()
        ).Which;

        var counts = thrown.InnerException.Should().BeOfType<LogsIngestionException>().Which;
        counts.IsOutcomeUnknown.Should().BeFalse();
        counts.AcceptedRowCount.Should().Be(counts.ResumeIndex).And.Be(_server.IngestedRows.Count);
        thrown.CancellationToken.Should().Be(cancel.Token);
    }

    private static FakeIngestionFault Fault(string kind) =>
        kind switch
        {
            "400" => FakeIngestionFault.BadRequest,
            "413" => new(
                FakeResponse.Error(
                    413,
                    "ContentLengthLimitExceeded",
                    "Maximum allowed content length: 1048576 bytes (1 MB)."
                )
            ),
            "500" => new(FakeResponse.Error(500, "InternalServerError", "boom")),
            "503" => new(
                FakeResponse.Error(
                    503,
                    "ServiceUnavailable",
                    "busy",
                    new Dictionary<string, string> { ["Retry-After"] = "0" }
                )
            ),
            "reset" => FakeIngestionFault.Reset,
            "store-then-reset" => FakeIngestionFault.StoreThenReset,
            "hang" => FakeIngestionFault.Hang(TimeSpan.FromSeconds(12)),
            "store-then-answer-late" => FakeIngestionFault.StoreThenAnswerLate(TimeSpan.FromSeconds(12)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fault"),
        };

    private sealed record Outcome(
        long Accepted,
        List<LogsRejectedRow> Rejected,
        int Stops,
        long UnknownBatchRows,
        List<string> Messages
    );

    /// <summary>The documented resume: on a <see cref="LogsIngestionException"/>, send the same rows again from its
    /// <c>ResumeIndex</c>, until every row is settled.</summary>
    /// <param name="client">The client.</param>
    /// <param name="firstRows">The rows of the first attempt (a failing source); null for <see cref="Rows"/>.</param>
    /// <param name="firstToken">The first attempt's cancellation; a cancellation with counts is resumed like a
    /// stop.</param>
    private async Task<Outcome> UploadWithResumeAsync(
        LogsIngestionClient client,
        IEnumerable<FaultRow>? firstRows = null,
        CancellationToken firstToken = default
    )
    {
        var rows = Rows();
        long start = 0,
            accepted = 0,
            unknownRows = 0;
        var rejected = new List<LogsRejectedRow>();
        var messages = new List<string>();
        while (true)
        {
            var callsBefore = _server.IngestionCalls.Count;
            try
            {
                var attempt = messages.Count == 0 ? (firstRows ?? rows, firstToken) : (rows, CancellationToken.None);
                accepted += (
                    await client.UploadAsync(
                        Rule,
                        Stream,
                        attempt.Item1,
                        new LogsUploadOptions { StartIndex = start },
                        attempt.Item2
                    )
                )
                    .Value
                    .RowCount;
                return new Outcome(accepted, rejected, messages.Count, unknownRows, messages);
            }
            catch (Exception thrown)
                when ((thrown as LogsIngestionException ?? (thrown as OperationCanceledException)?.InnerException)
                        is LogsIngestionException stopped
                )
            {
                messages.Add(stopped.Message);
                messages.Count.Should().BeLessThan(5, "each scripted fault stops an upload at most once");
                stopped.StartIndex.Should().Be(start);
                (stopped.AcceptedRowCount + stopped.RejectedRows.Count)
                    .Should()
                    .Be(stopped.ResumeIndex - start, stopped.Message);
                stopped.Message.Should().NotContain("..-1").And.NotContain(FakeMonitorServer.Token);
                accepted += stopped.AcceptedRowCount;
                rejected.AddRange(stopped.RejectedRows);
                if (stopped.IsOutcomeUnknown)
                {
                    unknownRows += _server.IngestionCalls.Skip(callsBefore).Max(call => call.RowCount);
                }
                if (stopped.ResumeIndex == rows.Count)
                {
                    return new Outcome(accepted, rejected, messages.Count, unknownRows, messages);
                }
                start = stopped.ResumeIndex;
            }
        }
    }

    /// <summary>De-duplicates what the fake stored by SecmlRowId (as
    /// <c>summarize arg_max(TimeGenerated, *) by SecmlRowId</c>) and checks: stored + rejected = every row, once; the
    /// reported count equals the stored count; ids are the documented hash of stream, index and row; raw duplicates
    /// only from batches whose outcome was unknown.</summary>
    private void AssertEveryRowStoredOnceOrRejected(Outcome outcome)
    {
        var stored = _server.IngestedRows.Select(raw => (Raw: raw, Json: JsonDocument.Parse(raw).RootElement)).ToList();
        var byId = stored
            .GroupBy(row => row.Json.GetProperty(LogsIngestionClient.RowIdColumnName).GetString()!)
            .ToList();
        byId.Should()
            .OnlyContain(
                group => group.Select(row => row.Raw).Distinct().Count() == 1,
                "duplicates are identical rows"
            );
        var sequences = byId.Select(group => group.First().Json.GetProperty("Sequence").GetInt32()).ToList();
        sequences.Should().OnlyHaveUniqueItems("one id per row: de-duplication keeps each row once");
        sequences
            .Concat(outcome.Rejected.Select(row => (int)row.Index))
            .Order()
            .Should()
            .Equal(Enumerable.Range(0, RowCount), "0 rows lost: each row is stored or reported rejected, never both");
        outcome.Accepted.Should().Be(byId.Count, "the uploader's count equals what the fake stored");
        (stored.Count - byId.Count)
            .Should()
            .BeLessThanOrEqualTo(
                (int)outcome.UnknownBatchRows,
                "a row is stored twice only when its batch got no answer"
            );
        foreach (var group in byId)
        {
            var (raw, json) = group.First();
            var id = json.GetProperty(LogsIngestionClient.RowIdColumnName).GetString()!;
            var withoutId = raw.Replace(
                $",\"{LogsIngestionClient.RowIdColumnName}\":\"{id}\"",
                "",
                StringComparison.Ordinal
            );
            id.Should()
                .Be(
                    JsonBatcher.RowId(
                        Stream,
                        json.GetProperty("Sequence").GetInt32(),
                        Encoding.UTF8.GetBytes(withoutId)
                    )
                );
        }
    }
}
