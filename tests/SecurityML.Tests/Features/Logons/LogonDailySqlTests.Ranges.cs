using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Features.Logons;

/// <summary>Names from the earliest event in any file order, and time ranges to the tick the bounds allow.</summary>
public sealed partial class LogonDailySqlTests
{
    [Fact]
    public void Names_are_those_of_the_earliest_event_in_any_file_order_on_both_paths()
    {
        // ann's day: the earliest events (09:00) are spelled "Ann" and ANN (ANN sorts first by code point); the first
        // line of the file is a later "ann".
        string[] events =
        [
            Row("2024-03-04T10:00:00Z", "4624", user: "ann"),
            Row("2024-03-04T09:00:00Z", "4625", user: "Ann"),
            Row("2024-03-04T09:00:00Z", "4624", user: "ANN"),
            Row("2024-03-04T11:00:00Z", "4624", user: "bob", domain: "contoso"),
            // Seven fraction digits: the same microsecond, so the code-point order decides (CONTOSO before contoso).
            Row("2024-03-05T10:00:00.0000001Z", "4624", user: "carl", domain: "contoso"),
            Row("2024-03-05T10:00:00.0000004Z", "4624", user: "CARL", domain: "CONTOSO"),
            // The last representable tick: the names of a group whose earliest event is at the end of time.
            Row("9999-12-31T23:59:59.9999999Z", "4624", user: "zed"),
        ];
        string forward = _folder.Write("forward.csv", string.Join("\n", events.Prepend(Header)) + "\n");
        string backward = _folder.Write("backward.csv", string.Join("\n", events.Reverse().Prepend(Header)) + "\n");

        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(forward));

        expected
            .Select(summary => (summary.TargetDomainName, summary.TargetUserName))
            .Should()
            .Equal(("CONTOSO", "ANN"), ("contoso", "bob"), ("CONTOSO", "CARL"), ("CONTOSO", "zed"));
        LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(backward)).Should().Equal(expected);
        LogonDailySql.SummarizeCsv(forward, TimeRange.All, null, null).Should().NotBeNull("DuckDB reads this file");
        // The SQL path keeps microseconds (carl's first logon), so its names and counts are compared.
        static object Names(LogonDailySummary summary) =>
            (summary.Date, summary.TargetDomainName, summary.TargetUserName, summary.AttemptedLogons);
        LogonDailyAggregation.SummarizeFile(forward).Select(Names).Should().Equal(expected.Select(Names));
        LogonDailyAggregation.SummarizeFile(backward).Select(Names).Should().Equal(expected.Select(Names));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_time_range_summarizes_what_a_local_provider_query_of_that_range_returns(bool parquet)
    {
        // Events on both sides of each bound, to the tick the bound allows (DuckDB keeps microseconds), plus a bad row
        // outside the range that a lenient report must still count.
        var start = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero).AddTicks(10);
        var end = new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero);
        string[] times =
        [
            "2024-03-04T08:59:59.999999Z",
            "2024-03-04T09:00:00.000000Z",
            "2024-03-04T09:00:00.000001Z",
            "2024-03-04T12:00:00+02:00",
            "2024-03-04T23:59:59Z",
            "2024-03-05T08:59:59.999999Z",
            "2024-03-05T09:00:00Z",
            "2024-03-05T11:00:00+02:00",
        ];
        var rows = times.Select((time, index) => Row(time, index % 2 == 0 ? "4624" : "4625", user: $"u{index % 3}"));
        string csv = _folder.Write("Logons.csv", string.Join("\n", rows.Prepend(Header).Append(BadRowLate)) + "\n");
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(
            new LocalDataProvider(_folder.Path, expectedReport).Logons(start, end)
        );
        var report = new LoadReport();

        var actual = parquet
            ? LogonDailyAggregation.SummarizeFile(ToParquet(csv, skipBadRows: true), new TimeRange(start, end))
            : LogonDailyAggregation.SummarizeFile(csv, new TimeRange(start, end), report);

        expected.Sum(summary => summary.AttemptedLogons).Should().Be(4);
        actual.Should().Equal(expected);
        if (!parquet)
        {
            (report.RowCount, report.DroppedRowCount)
                .Should()
                .Be((expectedReport.RowCount, expectedReport.DroppedRowCount));
            report.DroppedRowCount.Should().Be(1);
            // A bound between two microseconds: the CSV goes to the .NET reader, which sees ticks.
            var inBetween = new TimeRange(start.AddTicks(-5), end);
            LogonDailySql.SummarizeCsv(csv, inBetween, null, null).Should().BeNull();
            LogonDailyAggregation
                .SummarizeFile(csv, inBetween, new LoadReport())
                .Should()
                .Equal(
                    LogonDailyAggregation.Summarize(
                        new LocalDataProvider(_folder.Path, new LoadReport()).Logons(inBetween.Start, end)
                    )
                );
        }
    }

    private static readonly string BadRowLate = Row("2024-06-01T00:00:00Z", "4624", logonType: "three");

    private string ToParquet(string csv, bool skipBadRows)
    {
        string parquet = _folder.File(Path.GetFileNameWithoutExtension(csv) + ".parquet");
        using DuckDBConnection connection = DuckDbEngine.Open();
        using DuckDBCommand command = connection.CreateCommand();
        string where = skipBadRows ? " WHERE TRY_CAST(LogonType AS INTEGER) IS NOT NULL" : "";
        command.CommandText =
            $"COPY (SELECT * FROM read_csv('{csv}', header = true, all_varchar = true){where}) "
            + $"TO '{parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return parquet;
    }
}
