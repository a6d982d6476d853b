using System.Globalization;
using Azure;
using SecurityML.Data;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

public sealed class LogAnalyticsExporterTests : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private const int ServerRowLimit = 150;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private FakeMonitorServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMonitorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>1,200 logons over 6 days, 200 a day, each with a unique logon id; one exactly on each
    /// midnight.</summary>
    private static List<LogonEvent> Events() =>
        Enumerable
            .Range(0, 1200)
            .Select(index => new LogonEvent
            {
                TimeGenerated = Start.AddMinutes(index * 7.2),
                EventID = 4624,
                LogonType = 3,
                TargetUserName = "user" + (index % 17),
                Computer = "FS01",
                TargetLogonId = "0x" + index.ToString("x", CultureInfo.InvariantCulture),
            })
            .ToList();

    /// <summary>Serves the events of the requested timespan; truncates at 150 rows with the service's partial
    /// error.</summary>
    private static FakeResponse Serve(FakeQuery query, List<LogonEvent> events)
    {
        var ends = query
            .Timespan!.Split('/')
            .Select(text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture))
            .ToArray();
        var rows = events.Where(e => e.TimeGenerated >= ends[0] && e.TimeGenerated < ends[1]).ToList();
        if (rows.Count <= ServerRowLimit)
        {
            return new FakeResponse(200, TableJson.Response(rows));
        }
        var error = new
        {
            code = "PartialError",
            message = "Query result truncated.",
            details = new[] { new { code = "E_QUERY_RESULT_SET_TOO_LARGE", message = "limit" } },
        };
        return new FakeResponse(200, TableJson.Response(rows.Take(ServerRowLimit), error));
    }

    [Fact]
    public async Task A_failed_export_resumes_without_duplicating_or_losing_rows()
    {
        var events = Events();
        var failFrom = Start.AddDays(3);
        _server.QueryResponder = query =>
            DateTimeOffset.Parse(query.Timespan!.Split('/')[0], CultureInfo.InvariantCulture) >= failFrom
                ? FakeResponse.Error(500, "InternalServerError", "injected")
                : Serve(query, events);
        using var folder = new TemporaryFolder();
        var provider = new LogAnalyticsQueryProvider(TestClients.Query(_server, maximumRetries: 1), Workspace);
        var exporter = new LogAnalyticsExporter(provider);
        var range = new TimeRange(Start, Start.AddDays(6));

        await exporter
            .Invoking(e => e.ExportAsync(DataSets.Logons, range, folder.Path))
            .Should()
            .ThrowAsync<RequestFailedException>();
        File.Exists(Path.Combine(folder.Path, "Logons.csv")).Should().BeFalse("an incomplete export is never merged");
        var firstRunQueries = _server.Queries.Count;

        _server.QueryResponder = query => Serve(query, events);
        var summary = await exporter.ExportAsync(DataSets.Logons, range, folder.Path);

        summary.ChunksReused.Should().Be(6, "the three complete days were split into halves in the first run");
        summary.RowCount.Should().Be(1200);
        var exported = QueryProvider.Local(folder.Path).Logons();
        exported
            .Select(e => e.TargetLogonId)
            .Should()
            .OnlyHaveUniqueItems()
            .And.BeEquivalentTo(events.Select(e => e.TargetLogonId));
        _server
            .Queries.Skip(firstRunQueries)
            .Select(q => q.Timespan!)
            .Should()
            .OnlyContain(span => DateTimeOffset.Parse(span.Split('/')[0], CultureInfo.InvariantCulture) >= failFrom);
    }

    [Fact]
    public async Task Chunks_over_the_row_limit_are_split_until_they_fit()
    {
        var events = Events();
        _server.QueryResponder = query => Serve(query, events);
        using var folder = new TemporaryFolder();
        var provider = new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace);
        var exporter = new LogAnalyticsExporter(
            provider,
            new LogAnalyticsExportOptions { ChunkDuration = TimeSpan.FromDays(2) }
        );

        var summary = await exporter.ExportAsync(DataSets.Logons, new TimeRange(Start, Start.AddDays(6)), folder.Path);

        summary.RowCount.Should().Be(1200);
        summary.Splits.Should().Be(9, "each 2-day chunk (400 rows) splits into days (200) and then half-days (100)");
        QueryProvider
            .Local(folder.Path)
            .Logons()
            .Should()
            .BeEquivalentTo(events, options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task An_export_with_other_arguments_in_the_same_folder_is_refused()
    {
        _server.QueryResponder = query => Serve(query, []);
        using var folder = new TemporaryFolder();
        var exporter = new LogAnalyticsExporter(new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace));
        await exporter.ExportAsync(DataSets.Logons, new TimeRange(Start, Start.AddDays(1)), folder.Path);

        await exporter
            .Invoking(e => e.ExportAsync(DataSets.Logons, new TimeRange(Start, Start.AddDays(2)), folder.Path))
            .Should()
            .ThrowAsync<ArgumentException>()
            .WithMessage("*other arguments*");
        FluentActions
            .Invoking(() =>
                new LogAnalyticsExporter(
                    exporter.Provider,
                    new LogAnalyticsExportOptions { MaximumRowsPerChunk = 600_000 }
                )
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*[1, 500000]*600000*");
        FluentActions
            .Invoking(() =>
                new LogAnalyticsExporter(
                    exporter.Provider,
                    new LogAnalyticsExportOptions { MaximumPartialRetries = 11 }
                )
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*[0, 10], received 11*MaximumPartialRetries*");
        FluentActions
            .Invoking(() =>
                new LogAnalyticsExporter(
                    exporter.Provider,
                    new LogAnalyticsExportOptions { PartialRetryDelay = TimeSpan.FromSeconds(-1) }
                )
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*received -00:00:01*PartialRetryDelay*");
    }

    /// <summary>The service's real partial error for the result-set limit (CanQueryPartialSuccess): the codes are
    /// PartialError › EngineError › -2133196797 and E_QUERY_RESULT_SET_TOO_LARGE is only in the message.</summary>
    private static readonly System.Text.Json.Nodes.JsonNode TruncatedError = AzureReferenceData.RecordedError(
        "net-CanQueryPartialSuccess.json"
    );

    /// <summary>A partial error that is not about the limits (derived: the recorded shape with
    /// E_LOW_MEMORY_CONDITION).</summary>
    private static readonly object LowMemoryError = new
    {
        code = "PartialError",
        message = "There were some errors when processing your query.",
        details = new[]
        {
            new
            {
                code = "EngineError",
                message = "Something went wrong processing your query on the server.",
                innererror = new
                {
                    code = "-2133196792",
                    message = "Query execution lacks memory resources to complete (E_LOW_MEMORY_CONDITION).",
                },
            },
        },
    };

    private static DateTimeOffset[] Ends(FakeQuery query) =>
        query.Timespan!.Split('/').Select(text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Truncated_and_partial_chunks_are_never_kept_and_a_resumed_export_holds_every_row_once()
    {
        const int RowCount = 6839,
            TruncateAbove = 400;
        var events = Enumerable
            .Range(0, RowCount)
            .Select(index => new LogonEvent
            {
                TimeGenerated = Start.AddTicks(TimeSpan.FromDays(7).Ticks / RowCount * index + index % 13),
                EventID = 4624,
                LogonType = 3,
                TargetUserName = "user" + (index % 29),
                Computer = "FS01",
                TargetLogonId = "0x" + index.ToString("x", CultureInfo.InvariantCulture),
            })
            .ToList();
        var lowMemoryOnce = new HashSet<string>();
        var failingDay = Start.AddDays(5);
        var dayFiveFails = true;
        _server.QueryResponder = query =>
        {
            var ends = Ends(query);
            var rows = events.Where(e => e.TimeGenerated >= ends[0] && e.TimeGenerated < ends[1]).ToList();
            if (rows.Count > TruncateAbove)
            {
                return new FakeResponse(200, TableJson.Response(rows.Take(TruncateAbove), TruncatedError));
            }
            var partial =
                (ends[0] >= Start.AddDays(2) && ends[0] < Start.AddDays(3) && lowMemoryOnce.Add(query.Timespan!))
                || (dayFiveFails && ends[0] >= failingDay && ends[0] < failingDay.AddDays(1));
            return partial
                ? new FakeResponse(200, TableJson.Response(rows.Take(rows.Count / 2), LowMemoryError))
                : new FakeResponse(200, TableJson.Response(rows));
        };
        using var folder = new TemporaryFolder();
        var exporter = new LogAnalyticsExporter(
            new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace),
            new LogAnalyticsExportOptions { PartialRetryDelay = TimeSpan.FromMilliseconds(1) }
        );
        var range = new TimeRange(Start, Start.AddDays(7));

        var failure = await exporter
            .Invoking(e => e.ExportAsync(DataSets.Logons, range, folder.Path))
            .Should()
            .ThrowAsync<InvalidOperationException>();
        failure
            .Which.Message.Should()
            .Contain("of 'Logons' came back partial 3 times")
            .And.Contain("E_LOW_MEMORY_CONDITION")
            .And.Contain(failingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        File.Exists(Path.Combine(folder.Path, "Logons.csv")).Should().BeFalse();
        var firstRun = _server.Queries.Count;
        lowMemoryOnce.Should().NotBeEmpty("day 2 answered partial once per chunk and was queried again");

        dayFiveFails = false;
        var summary = await exporter.ExportAsync(DataSets.Logons, range, folder.Path);

        summary.RowCount.Should().Be(RowCount);
        summary.ChunksReused.Should().BeGreaterThan(0);
        var exported = QueryProvider.Local(folder.Path).Logons();
        exported
            .Select(e => e.TargetLogonId)
            .Should()
            .OnlyHaveUniqueItems()
            .And.BeEquivalentTo(events.Select(e => e.TargetLogonId));
        _server
            .Queries.Skip(firstRun)
            .Should()
            .OnlyContain(
                q => Ends(q)[0] >= failingDay,
                "the complete chunks before the failing day are reused, not queried again"
            );
    }

    [Fact]
    public async Task A_query_that_is_not_time_filtered_is_exported_once_whole_without_a_timespan()
    {
        var directory = new[]
        {
            new UserDirectoryEntry
            {
                Account = "CONTOSO\\anna",
                UserPrincipalName = "anna@contoso.com",
                AccountKind = "Human",
            },
            new UserDirectoryEntry
            {
                Account = "CONTOSO\\svc-sql",
                UserPrincipalName = "svc-sql@contoso.com",
                AccountKind = "Service",
            },
        };
        _server.QueryResponder = _ => new FakeResponse(200, TableJson.Response(directory));
        using var folder = new TemporaryFolder();
        var exporter = new LogAnalyticsExporter(new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace));

        var summary = await exporter.ExportAsync(
            DataSets.UserDirectory,
            new TimeRange(Start, Start.AddDays(3)),
            folder.Path
        );
        var again = await exporter.ExportAsync(
            DataSets.UserDirectory,
            new TimeRange(Start, Start.AddDays(3)),
            folder.Path
        );

        summary.RowCount.Should().Be(2);
        again.ChunksReused.Should().Be(1);
        _server
            .Queries.Should()
            .ContainSingle()
            .Which.Timespan.Should()
            .BeNull("a timespan would cut the 14-day lookback");
        QueryProvider.Local(folder.Path).Load(DataSets.UserDirectory, TimeRange.All).Should().BeEquivalentTo(directory);
    }

    [Fact]
    public async Task A_chunk_folder_of_an_earlier_version_is_refused()
    {
        using var folder = new TemporaryFolder();
        var chunks = Directory.CreateDirectory(Path.Combine(folder.Path, "Logons.chunks")).FullName;
        File.WriteAllText(Path.Combine(chunks, "export.json"), """{"dataSet":"Logons"}""");
        var exporter = new LogAnalyticsExporter(new LogAnalyticsQueryProvider(TestClients.Query(_server), Workspace));

        await exporter
            .Invoking(e => e.ExportAsync(DataSets.Logons, new TimeRange(Start, Start.AddDays(1)), folder.Path))
            .Should()
            .ThrowAsync<ArgumentException>()
            .WithMessage("*earlier version*partial chunks*");
        _server.Queries.Should().BeEmpty();
    }
}
