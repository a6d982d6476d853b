using System.Text;
using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Features.Logons;

/// <summary>
/// <see cref="LogonDailyAggregation.SummarizeFile"/> (one DuckDB statement) against the .NET path
/// (<see cref="CsvDataFile"/> then <see cref="LogonDailyAggregation.Summarize"/>): identical summaries, and the same
/// bad rows (line and column) in strict and lenient mode.
/// </summary>
public sealed partial class LogonDailySqlTests : IDisposable
{
    private const string Header =
        "Extra,targetusername,TargetDomainName,TimeGenerated,EventID,Activity,Computer,Account,"
        + "AccountType,TargetLogonId,LOGONTYPE,LogonProcessName,AuthenticationPackageName,WorkstationName,"
        + "IpAddress,Status,SubStatus";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_demo_logons_give_identical_summaries()
    {
        string path = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path));

        var actual = LogonDailyAggregation.SummarizeFile(path);

        expected.Should().HaveCountGreaterThan(100);
        actual.Should().Equal(expected);
    }

    [Fact]
    public void The_demo_logons_as_parquet_written_by_duckdb_give_identical_summaries()
    {
        string csv = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");
        string parquet = _folder.File("Logons.parquet");
        using (DuckDBConnection connection = DuckDbEngine.Open())
        using (DuckDBCommand command = connection.CreateCommand())
        {
            command.CommandText =
                $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        LogonDailyAggregation
            .SummarizeFile(parquet)
            .Should()
            .Equal(LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(csv)));
    }

    [Fact]
    public void Edge_cases_give_identical_summaries_and_the_same_dropped_rows_in_lenient_mode()
    {
        string path = _folder.Write("Logons.csv", EdgeCases(withBadRows: true, badTimestamp: false));
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        var actual = LogonDailyAggregation.SummarizeFile(path, report);

        LogonDailySql
            .SummarizeCsv(path, TimeRange.All, new LoadReport(), null)
            .Should()
            .BeNull("bad values are left to the .NET reader, which reports them");
        actual.Should().Equal(expected);
        expected.Should().HaveCountGreaterThan(3);
        report.RowCount.Should().Be(expectedReport.RowCount);
        report.DroppedRowCount.Should().Be(expectedReport.DroppedRowCount).And.Be(5);
        report
            .DroppedRows.Select(row => (row.LineNumber, row.ColumnName))
            .Should()
            .Equal(expectedReport.DroppedRows.Select(row => (row.LineNumber, row.ColumnName)));
        report.DroppedRows.Should().OnlyContain(row => row.FilePath == path);
    }

    [Fact]
    public void Edge_cases_without_bad_rows_give_identical_summaries_in_strict_mode()
    {
        string path = _folder.Write("Logons.csv", EdgeCases(withBadRows: false, badTimestamp: false));

        LogonDailySql.SummarizeCsv(path, TimeRange.All, null, null).Should().NotBeNull("DuckDB reads this file");
        LogonDailyAggregation
            .SummarizeFile(path)
            .Should()
            .Equal(LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path)));
        // A clean file is read once, without the table of rejects: a lenient report still counts every row.
        var expectedReport = new LoadReport();
        CsvDataFile.Read<LogonEvent>(path, expectedReport).Count();
        var report = new LoadReport();
        LogonDailyAggregation.SummarizeFile(path, report);
        (report.RowCount, report.DroppedRowCount).Should().Be((expectedReport.RowCount, 0));
        report.RowCount.Should().BeGreaterThan(10);
    }

    [Theory]
    [InlineData(false, "''", "Int32")]
    [InlineData(true, "'not-a-time'", "ISO 8601")]
    public void A_bad_row_in_strict_mode_throws_with_the_same_file_line_and_column(
        bool badTimestamp,
        string received,
        string expectedText
    )
    {
        string path = _folder.Write("Logons.csv", EdgeCases(withBadRows: true, badTimestamp));
        var expected = FluentActions
            .Invoking(() => LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path)))
            .Should()
            .Throw<DataFormatException>()
            .Which;

        var actual = FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path))
            .Should()
            .Throw<DataFormatException>()
            .Which;

        (actual.FilePath, actual.LineNumber, actual.ColumnName)
            .Should()
            .Be((expected.FilePath, expected.LineNumber, expected.ColumnName));
        actual.Message.Should().Contain(received).And.Contain(expectedText);
    }

    [Fact]
    public void Bytes_invalid_in_utf8_throw_even_in_lenient_mode()
    {
        string path = _folder.File("Logons.csv");
        byte[] good = Encoding.UTF8.GetBytes(Header + "\n" + Row("2024-03-04T10:00:00Z", "4624", user: "ann") + "\n");
        byte[] bad = Encoding.UTF8.GetBytes(Row("2024-03-04T11:00:00Z", "4624", user: "bob") + "\n");
        bad[bad.Length - 3] = 0xFF;
        File.WriteAllBytes(path, [.. good, .. bad]);

        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path, new LoadReport()))
            .Should()
            .Throw<DataFormatException>()
            .Where(exception => exception.LineNumber == 3 && exception.FilePath == path);
    }

    [Fact]
    public void A_last_line_without_a_line_break_is_dropped_as_cut_short_like_the_dotnet_reader_does()
    {
        string path = _folder.Write(
            "Logons.csv",
            Header + "\n" + Row("2024-03-04T10:00:00Z", "4624", user: "ann") + "\n" + Row("2024-03-04T11:00:00Z", "46")
        );
        var report = new LoadReport();

        var summaries = LogonDailyAggregation.SummarizeFile(path, report);

        summaries.Should().ContainSingle().Which.AttemptedLogons.Should().Be(1);
        report.DroppedRows.Should().ContainSingle().Which.LineNumber.Should().Be(3);
    }

    [Fact]
    public void A_missing_column_throws_as_the_dotnet_reader_does()
    {
        string path = _folder.Write("Logons.csv", Header.Replace(",Status", "") + "\n");

        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path, new LoadReport()))
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("*required column(s) missing*Status*");
    }

    [Fact]
    public void A_timestamp_duckdb_cannot_convert_sends_the_file_to_the_dotnet_reader_with_the_same_result()
    {
        string path = _folder.Write("Logons.csv", EdgeCases(withBadRows: true, badTimestamp: true));
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        LogonDailySql.SummarizeCsv(path, TimeRange.All, new LoadReport(), null).Should().BeNull();
        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected);
        report.DroppedRows.Select(row => row.Message).Should().Equal(expectedReport.DroppedRows.Select(r => r.Message));
    }

    private static string EdgeCases(bool withBadRows, bool badTimestamp)
    {
        var rows = new List<string>
        {
            Header,
            Row("2024-03-04T10:00:00Z", "4624", user: "ann", domain: "CONTOSO", computer: "FS01.contoso.local"),
            // Case differences in the account, the computer, its domain and the package: one group, one value each.
            Row("2024-03-04T11:00:00.123Z", "4625", user: "ANN", domain: "contoso", computer: "fs01.CONTOSO.local"),
            Row("2024-03-04 12:00:00", "4624", user: "Ann", computer: "FS02.Contoso.Local", package: "kerberos"),
            // Offsets: 23:30-02:00 is the next UTC day; 01:30+02:00 the previous one.
            Row("2024-03-04T23:30:00-02:00", "4624", user: "ann"),
            Row("2024-03-05T01:30:00+02:00", "4625", user: "bob"),
            // Missing and placeholder values are not distinct values.
            Row("2024-03-04T09:00:00Z", "4625", user: "bob", computer: "", workstation: "-", ip: "   "),
            Row("2024-03-04T09:30:00Z", "4625", user: "bob", computer: "SRV", workstation: " - ", ip: "\u00a0"),
            // Quoted fields: a comma and an escaped quote inside values (a line break: CsvFileScanTests).
            Row("2024-03-04T08:00:00Z", "4624", user: "\"car,l\"", computer: "\"WS\"\"1\"\"\"", ip: "\"10.0.0.1 \""),
            // Excluded accounts and events.
            Row("2024-03-04T08:00:00Z", "4624", user: "WS01$"),
            Row("2024-03-04T08:00:00Z", "4624", user: "dwm-3", domain: "Window Manager"),
            Row("2024-03-04T08:00:00Z", "4624", user: "anonymous logon", domain: "nt authority"),
            Row("2024-03-04T08:00:00Z", "4624", user: " system ", domain: "CONTOSO"),
            Row("2024-03-04T08:00:00Z", "4624", user: "ann", logonType: "2"),
            Row("2024-03-04T08:00:00Z", "4634", user: "ann"),
            Row("2024-03-04T08:00:00Z", "4624", user: "ann", domain: " NT AUTHORITY "),
            "",
            Row("2024-03-06T08:00:00Z", "4624", user: "dave", domain: ""),
        };
        if (withBadRows)
        {
            rows.Insert(3, Row(badTimestamp ? "not-a-time" : "2024-03-04T10:00:00Z", "4624", user: "ann"));
            rows.Insert(6, Row("2024-03-04T10:00:00Z", "", user: "ann"));
            rows.Insert(8, Row("2024-03-04T10:00:00Z", "4624", user: "ann", logonType: "three"));
            rows.Insert(9, "a,b,c");
            rows.Insert(10, Row("2024-03-04T10:00:00Z", "4624", user: "ann") + ",extra");
            rows.Insert(12, new string(',', 16));
        }
        return string.Join("\n", rows) + "\n";
    }

    private static string Row(
        string time,
        string eventId,
        string user = "ann",
        string domain = "CONTOSO",
        string computer = "FS01.contoso.local",
        string logonType = "3",
        string package = "Kerberos",
        string workstation = "WS01",
        string ip = "10.0.0.5"
    ) =>
        string.Join(
            ",",
            "x",
            user,
            domain,
            time,
            eventId,
            "activity",
            computer,
            "CONTOSO\\someone",
            "User",
            "0x1",
            logonType,
            "Kerberos",
            package,
            workstation,
            ip,
            "0x0",
            "0x0"
        );
}
