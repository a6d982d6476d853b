using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Features.Logons;

/// <summary>Values and rows the two paths must read alike: rows of the wrong shape, blank lines, and values DuckDB
/// would convert but the .NET reader rejects.</summary>
public sealed partial class LogonDailySqlTests
{
    [Fact]
    public void Rows_of_the_wrong_shape_are_dropped_by_the_sql_path_with_the_lines_the_dotnet_reader_reports()
    {
        var rows = EdgeCases(withBadRows: false, badTimestamp: false).TrimEnd('\n').Split('\n').ToList();
        rows.Insert(4, "a,b,c");
        rows.Insert(7, Row("2024-03-04T10:00:00Z", "4624", user: "ann") + ",extra");
        string path = _folder.Write("Logons.csv", string.Join("\n", rows) + "\n");
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        var sql = LogonDailySql.SummarizeCsv(path, TimeRange.All, report, null);

        sql.Should().NotBeNull("DuckDB reads this file, keeping the two rows of the wrong shape as rejects");
        LogonDailyAggregation.SummarizeFile(path, new LoadReport()).Should().Equal(expected);
        (report.RowCount, report.DroppedRowCount)
            .Should()
            .Be((expectedReport.RowCount, expectedReport.DroppedRowCount));
        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(5, 8);
        expectedReport.DroppedRows.Select(row => row.LineNumber).Should().Equal(5, 8);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_row_of_the_wrong_shape_after_a_quoted_line_break_is_reported_at_its_own_line(string newline)
    {
        // DuckDB numbers a rejected row by records: after a field holding a line break it named the line before.
        string[] lines =
        [
            Header,
            Row("2024-03-04T09:00:00Z", "4624", workstation: $"\"WS{newline}01\""),
            Row("2024-03-04T10:00:00Z", "4624"),
            Row("2024-03-04T11:00:00Z", "4625") + ",extra",
            Row("2024-03-04T12:00:00Z", "4624"),
        ];
        string path = _folder.Write("Logons.csv", string.Join(newline, lines) + newline);
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        LogonDailySql.SummarizeCsv(path, TimeRange.All, new LoadReport(), null).Should().BeNull();
        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected);
        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(5);
        expectedReport.DroppedRows.Select(row => row.LineNumber).Should().Equal(5);
        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path))
            .Should()
            .Throw<DataFormatException>()
            .Which.LineNumber.Should()
            .Be(5);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(",,,,,,,,,,,,,,,,")]
    [InlineData("\t")]
    public void A_line_of_white_space_or_empty_fields_gives_the_dotnet_readers_rows_and_report(string line)
    {
        string[] lines = [Header, Row("2024-03-04T09:00:00Z", "4624"), line, Row("2024-03-04T11:00:00Z", "4625")];
        string path = _folder.Write("Logons.csv", string.Join("\n", lines) + "\n");
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected);

        (report.RowCount, report.DroppedRowCount)
            .Should()
            .Be((expectedReport.RowCount, expectedReport.DroppedRowCount));
        report
            .DroppedRows.Select(problem => (problem.LineNumber, problem.ColumnName))
            .Should()
            .Equal(expectedReport.DroppedRows.Select(problem => (problem.LineNumber, problem.ColumnName)));
    }

    [Theory]
    [InlineData("TimeGenerated", "2024/03/04 10:00:00")]
    [InlineData("TimeGenerated", "2024-03-04 10:00:00 America/New_York")]
    [InlineData("TimeGenerated", "2024-03-04T24:00:00Z")]
    [InlineData("TimeGenerated", "2024-03-04T10:00:00+14:30")]
    [InlineData("TimeGenerated", " 2024-03-04T10:00:00Z")]
    [InlineData("TimeGenerated", "epoch")]
    [InlineData("TimeGenerated", "0000-03-04T10:00:00Z")]
    [InlineData("TimeGenerated", "0001-01-01T00:30:00+01:00")]
    [InlineData("TimeGenerated", "2024-02-30T10:00:00Z")]
    [InlineData("EventID", "4624.0")]
    [InlineData("EventID", "0x1210")]
    [InlineData("EventID", "4_624")]
    [InlineData("LogonType", "3.4")]
    [InlineData("LogonType", "99999999999")]
    public void A_value_duckdb_would_read_but_the_dotnet_reader_rejects_is_reported_as_the_dotnet_reader_does(
        string column,
        string value
    )
    {
        string row = column switch
        {
            "TimeGenerated" => Row(value, "4624"),
            "EventID" => Row("2024-03-04T10:00:00Z", value),
            _ => Row("2024-03-04T10:00:00Z", "4624", logonType: value),
        };
        string[] lines = [Header, Row("2024-03-04T09:00:00Z", "4624"), row, Row("2024-03-04T11:00:00Z", "4625")];
        string path = _folder.Write("Logons.csv", string.Join("\n", lines) + "\n");
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        LogonDailySql.SummarizeCsv(path, TimeRange.All, new LoadReport(), null).Should().BeNull();
        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected);
        report.DroppedRows.Select(problem => (problem.LineNumber, problem.ColumnName)).Should().Equal((3, column));
        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path))
            .Should()
            .Throw<DataFormatException>()
            .Which.LineNumber.Should()
            .Be(3);
    }

    [Fact]
    public void A_dotless_i_keeps_two_accounts_apart_as_the_dotnet_invariant_casing_does()
    {
        "bıll".ToUpperInvariant().Should().Be("BıLL", "the premise: .NET leaves U+0131 alone");
        string[] lines =
        [
            Header,
            Row("2024-03-04T09:00:00Z", "4624", user: "bıll", computer: "ſrv.contoso.local"),
            Row("2024-03-04T10:00:00Z", "4624", user: "BILL", computer: "SRV.contoso.local"),
            Row("2024-03-04T11:00:00Z", "4624", user: "BıLL", computer: "srvı.contoso.local"),
            Row("2024-03-04T12:00:00Z", "4624", user: "local servıce", domain: "nt authorıty"),
        ];
        string path = _folder.Write("Logons.csv", string.Join("\n", lines) + "\n");
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path));

        LogonDailySql.SummarizeCsv(path, TimeRange.All, null, null).Should().NotBeNull("DuckDB reads this file");
        LogonDailyAggregation.SummarizeFile(path).Should().Equal(expected);
        expected.Should().HaveCount(3);
    }
}
