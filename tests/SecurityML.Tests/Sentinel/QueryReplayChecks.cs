using System.Diagnostics;
using System.Text.Json;
using Azure;
using SecurityML.Data;
using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

/// <summary>What each replay case of <c>replay-cases.json</c> must give a user, by case id (its "expect"
/// text).</summary>
internal static class QueryReplayChecks
{
    private const string RoleAdvice = "Log Analytics Reader";
    private static readonly DateTimeOffset ExportStart = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, Func<QueryReplayContext, Task>> All { get; } =
        new Dictionary<string, Func<QueryReplayContext, Task>>
        {
            ["Q01"] = async context =>
            {
                var table = (await context.QueryAsync()).Table;
                table.Rows.Should().HaveCount(2);
                Cell(table, 0, "BatchesWithinSla").Should().Be(1L, "a long sent as the JSON string \"1\"");
                Cell(table, 0, "AvgLatencyInSeconds").Should().Be(1.286);
                Cell(table, 1, "Quantity").Should().Be(0.106767);
                Cell(table, 0, "IsBillable").Should().Be(true, "a bool sent as the JSON string \"true\"");
                Cell(table, 0, "LinkedResourceUri").Should().BeNull();
                Cell(table, 0, "TimeGenerated").Should().Be(new DateTimeOffset(2017, 8, 24, 6, 59, 59, TimeSpan.Zero));
            },
            ["Q02"] = async context =>
            {
                var table = (await context.QueryAsync()).Table;
                table.Rows.Should().HaveCount(2);
                table.Columns.Should().HaveCount(41);
                using (var properties = JsonDocument.Parse((BinaryData)Cell(table, 0, "Properties")!))
                {
                    properties.RootElement.GetProperty("x-opt-enqueued-time").GetString().Should().Be("1622593091");
                }
                Cell(table, 0, "Measurements").Should().BeNull();
                Cell(table, 0, "Success").Should().Be(true);
                Cell(table, 0, "DurationMs").Should().Be(0.0);
                Cell(table, 0, "ItemCount").Should().Be(1);
                Cell(table, 1, "TimeGenerated")
                    .Should()
                    .Be(new DateTimeOffset(2021, 6, 2, 0, 19, 13, 440, TimeSpan.Zero));
            },
            ["Q03"] = async context =>
            {
                var row = (await context.QueryAsync()).Table.Rows.Single();
                row.Should()
                    .Equal(
                        new DateTimeOffset(2015, 12, 31, 23, 59, 59, 900, TimeSpan.Zero),
                        false,
                        Guid.Parse("74be27de-1e4e-49d9-b579-fe0b331d3642"),
                        12345,
                        1234567890123L,
                        12345.6789,
                        "string value",
                        TimeSpan.FromSeconds(10),
                        0.10101m,
                        null
                    );
            },
            ["Q04a"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.ErrorCode.Should().Be("PartialError");
                thrown
                    .Message.Should()
                    .Contain("E_QUERY_RESULT_SET_TOO_LARGE")
                    .And.Contain("500,000-row")
                    .And.Contain("AllowPartialErrors");
            },
            ["Q04b"] = async context =>
            {
                var result = await context.QueryAsync(allowPartialErrors: true);
                result.Status.Should().Be(LogAnalyticsQueryResultStatus.PartialFailure);
                result
                    .IsTruncated.Should()
                    .BeTrue("the inner message names E_QUERY_RESULT_SET_TOO_LARGE (code -2133196797)");
                result.Error!.AllCodes().Should().Equal("PartialError", "EngineError", "-2133196797");
                result.Table.Rows.Should().ContainSingle().Which.Should().Equal("a");
            },
            ["Q05"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.Status.Should().Be(400);
                thrown.ErrorCode.Should().Be("BadArgumentError");
                thrown.Message.Should().Contain("SEM0100").And.Contain("'Heartbeats'").And.Contain("check the KQL");
                context.Server.Queries.Should().HaveCount(1, "a 400 is not retried");
            },
            ["Q06"] = async context =>
            {
                var result = await context.QueryAsync(allowPartialErrors: true);
                result.Status.Should().Be(LogAnalyticsQueryResultStatus.PartialFailure);
                result.IsTruncated.Should().BeFalse("E_OVERFLOW is an evaluation failure, not the result-set limit");
                result.Error!.Mentions("E_OVERFLOW").Should().BeTrue();
                result.Table.Rows.Single().Should().Equal(2L);
            },
            ["Q07"] = async context =>
            {
                (await context.QueryAsync())
                    .Table.Rows.Single()
                    .Should()
                    .Equal("hello", true, new DateTimeOffset(2000, 1, 2, 3, 4, 5, TimeSpan.Zero), 100, 101L, 102.1);
            },
            ["Q08"] = async context =>
            {
                var result = await context.QueryAsync();
                result.Status.Should().Be(LogAnalyticsQueryResultStatus.Success);
                result.Table.Rows.Should().BeEmpty();
                result.Table.Columns.Should().HaveCount(41);
            },
            ["Q09"] = async context =>
            {
                var thrown = await context.FailAsync("bad_workspace_id");
                thrown.Status.Should().Be(404);
                thrown.ErrorCode.Should().Be("PathNotFoundError");
                thrown.Message.Should().Contain("Workspace 'bad_workspace_id' was not found");
                context.Server.Queries.Should().HaveCount(1, "a 404 is not retried");
            },
            ["Q10"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.Status.Should().Be(504);
                thrown.ErrorCode.Should().Be("GatewayTimeout");
                thrown.Message.Should().Contain("retries ran out").And.Contain("ADX query timed out");
                context.Server.Queries.Should().HaveCount(4, "the first try and 3 retries, as the Python SDK made");
            },
            ["Q11"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.ErrorCode.Should().Be("BadArgumentError");
                thrown.Message.Should().Contain("SyntaxError: Syntax Error");
            },
            ["Q12"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.Status.Should().Be(401);
                thrown.ErrorCode.Should().Be("AuthenticationFailed");
                thrown.Message.Should().Contain("sign in again").And.NotContain(RoleAdvice);
                context.Server.Queries.Should().HaveCount(1, "a 401 is not retried");
            },
            ["Q13"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.Status.Should().Be(403);
                thrown.ErrorCode.Should().Be("InvalidAuthenticationToken");
                thrown
                    .Message.Should()
                    .Contain("sign in again")
                    .And.NotContain(RoleAdvice, "the token is invalid; a role would not help");
            },
            ["Q14"] = async context =>
            {
                var thrown = await context.FailAsync();
                thrown.Status.Should().Be(403);
                thrown.ErrorCode.Should().Be("InvalidAuthenticationTokenAudience");
                thrown
                    .Message.Should()
                    .Contain("another audience")
                    .And.Contain("'https://api.loganalytics.io/.default'")
                    .And.Contain("--resource https://api.loganalytics.io")
                    .And.NotContain(RoleAdvice);
            },
            ["D01"] = async context =>
            {
                (await context.QueryAsync())
                    .Table.Rows.Single()
                    .Should()
                    .Equal(123.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, null);
            },
            ["D02"] = async context =>
            {
                var row = (await context.QueryAsync()).Table.Rows.Single();
                row[0].Should().Be(new TimeSpan(1, 2, 3, 4, 567));
                row[1].Should().Be(TimeSpan.FromSeconds(-1));
                row[2].Should().Be(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567));
                row[3].Should().Be(9007199254740993L, "a long above 2^53 stays exact");
            },
            ["D06"] = async context =>
            {
                var watch = Stopwatch.StartNew();
                var result = await context.QueryAsync();
                watch
                    .Elapsed.Should()
                    .BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9), "Retry-After: 2 means two seconds");
                result.Table.Rows.Single().Should().Equal(1L);
                context.Server.Queries.Should().HaveCount(2);
            },
            ["D03"] = async context =>
            {
                using var folder = new TemporaryFolder();
                var exporter = new LogAnalyticsExporter(
                    new LogAnalyticsQueryProvider(context.Client(), QueryReplayContext.Workspace)
                );
                var summary = await exporter.ExportAsync(
                    DataSets.SignIns,
                    new TimeRange(ExportStart, ExportStart.AddDays(1)),
                    folder.Path
                );
                summary.Splits.Should().Be(1);
                context.Server.Queries.Should().HaveCount(3, "the truncated day and its two halves");
                QueryProvider
                    .Local(folder.Path)
                    .Load(DataSets.SignIns, TimeRange.All)
                    .Should()
                    .ContainSingle()
                    .Which.UserPrincipalName.Should()
                    .Be("anna@contoso.com");
            },
            ["D04"] = async context =>
            {
                using var folder = new TemporaryFolder();
                var days = (int)context.Replay.Raw["days"]!;
                var exporter = new LogAnalyticsExporter(
                    new LogAnalyticsQueryProvider(context.Client(), QueryReplayContext.Workspace)
                );
                var summary = await exporter.ExportAsync(
                    DataSets.UserDirectory,
                    new TimeRange(ExportStart, ExportStart.AddDays(days)),
                    folder.Path
                );
                summary.RowCount.Should().Be(2, "the directory once, not once per day");
                context
                    .Server.Queries.Should()
                    .ContainSingle()
                    .Which.Timespan.Should()
                    .BeNull("a timespan would cut the 14-day lookback");
                QueryProvider
                    .Local(folder.Path)
                    .Load(DataSets.UserDirectory, TimeRange.All)
                    .Select(entry => entry.Account)
                    .Should()
                    .Equal("CONTOSO\\anna", "CONTOSO\\svc-sql");
            },
        };

    private static object? Cell(LogAnalyticsTable table, int row, string column) =>
        table.Rows[row][table.Columns.Select(c => c.Name).ToList().IndexOf(column)];
}
