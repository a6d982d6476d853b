using System.Text;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Features.Logons;

/// <summary>
/// <see cref="LogonDailyCsv"/> (the Sep reader) against the .NET path (<see cref="CsvDataFile"/> then
/// <see cref="LogonDailyAggregation.Summarize"/>): the same summaries to the tick (or floored to the microsecond, as
/// the SQL engine gives them), in one part or split into several, and null for every file or value it cannot read
/// exactly as the .NET reader does, so that the SQL path or the .NET reader reports it.
/// </summary>
public sealed class LogonDailyCsvTests : IDisposable
{
    private const string Header =
        "Extra,targetusername,TargetDomainName,TimeGenerated,EventID,Activity,Computer,Account,"
        + "AccountType,TargetLogonId,LOGONTYPE,LogonProcessName,AuthenticationPackageName,WorkstationName,"
        + "IpAddress,Status,SubStatus";

    private static readonly string DemoLogons = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<LogonDailySummary> DotNet(string path, TimeRange range, bool floorToMicroseconds) =>
        LogonDailyAggregation
            .Summarize(
                CsvDataFile
                    .Read<LogonEvent>(path)
                    .Where(logon => range.Contains(logon.TimeGenerated))
                    .Select(logon =>
                        floorToMicroseconds
                            ? logon with
                            {
                                TimeGenerated = logon.TimeGenerated.AddTicks(
                                    -(logon.TimeGenerated.UtcTicks % TimeSpan.TicksPerMicrosecond)
                                ),
                            }
                            : logon
                    )
            )
            .ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void The_demo_logons_give_the_dotnet_summaries_and_row_count(int parts)
    {
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(DemoLogons, expectedReport));
        var report = new LoadReport();

        var actual = LogonDailyCsv.TrySummarize(DemoLogons, TimeRange.All, report, null, true, parts);

        actual.Should().NotBeNull().And.Equal(expected);
        expected.Should().HaveCountGreaterThan(100);
        report.RowCount.Should().Be(expectedReport.RowCount).And.BeGreaterThan(1000);
        report.DroppedRowCount.Should().Be(0);
    }

    [Fact]
    public void The_sql_statement_alone_still_gives_the_dotnet_summaries_of_the_demo_logons()
    {
        // SummarizeFile now asks the Sep reader first: the SQL statement is checked on its own here (it leaves the
        // order to SummarizeFile).
        LogonDailySql
            .SummarizeCsv(DemoLogons, TimeRange.All, null, null)
            .Should()
            .NotBeNull()
            .And.BeEquivalentTo(LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(DemoLogons)));
    }

    // Rows the .NET reader reads without a problem, in forms a fast reader can get wrong: quotes, a doubled quote, a
    // comma inside quotes, CRLF, a byte order mark, white-space lines (also U+00A0 and U+2028), header names in
    // other cases and an extra column, names that differ in case or hold ı, ß or a surrogate pair, '-' and empty
    // values, timestamps with a seventh fraction digit, an offset, a space, no seconds, no time, before 1970.
    private static string ReadableFile()
    {
        string[] users = ["ann", "ANN", "\"o\"\"brien\"", "bıll", "straße", "\"a,b\"", "ze\U0001F600d", " ann"];
        string[] times =
        [
            "2024-03-04T00:00:00Z",
            "2024-03-04T10:00:00.1234567Z",
            "2024-03-04 12:00:00",
            "2024-03-04T23:59:59.9999999Z",
            "2024-03-05T01:00:00.5+02:00",
            "2024-03-05T08:30Z",
            "2024-03-05",
            "\"2024-03-05T09:00:00.000001Z\"",
            "1969-12-31T23:59:59.9999995Z",
        ];
        string[] computers = ["FS01.contoso.local", "fs01.CONTOSO.local", "-", "", "\"SQL01.contoso.local\"", "APP01"];
        string[] addresses = ["10.0.0.5", "-", "", "\"10.0.0.6\"", "fe80::1"];
        var text = new StringBuilder("\uFEFF").Append(Header).Append("\r\n");
        int row = 0;
        foreach (string user in users)
        {
            foreach (string time in times)
            {
                row++;
                string eventId =
                    row % 5 == 0 ? "4625"
                    : row % 11 == 0 ? "\"04624\""
                    : "4624";
                string logonType = row % 7 == 0 ? "10" : "3";
                string computer = computers[row % computers.Length];
                string address = addresses[row % addresses.Length];
                string domain = row % 4 == 0 ? "contoso" : "CONTOSO";
                text.Append(
                        $"x,{user},{domain},{time},{eventId},act,{computer},acct,User,0x1,{logonType},Kerberos,"
                            + $"{(row % 3 == 0 ? "NTLM" : "Kerberos")},WS{row % 4},{address},0x0,0x0"
                    )
                    .Append(row % 2 == 0 ? "\r\n" : "\n");
                if (row % 13 == 0)
                    text.Append(row % 2 == 0 ? "  \t\n" : "\u00A0\u2028\r\n");
            }
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    public void Quoted_values_line_breaks_and_every_timestamp_form_give_the_dotnet_summaries(
        int parts,
        bool microsecondsOnly
    )
    {
        string path = _folder.Write("Logons.csv", ReadableFile());
        var range = new TimeRange(
            new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.Zero)
        );

        foreach (TimeRange each in new[] { TimeRange.All, range })
        {
            var expected = DotNet(path, each, floorToMicroseconds: !microsecondsOnly);
            var actual = LogonDailyCsv.TrySummarize(path, each, null, null, microsecondsOnly, parts);

            actual.Should().NotBeNull().And.Equal(expected, $"{each}, {parts} part(s)");
            expected.Should().HaveCountGreaterThan(5);
        }
    }

    [Fact]
    public void A_seventh_fraction_digit_is_kept_to_the_tick_or_floored_to_the_microsecond()
    {
        string path = _folder.Write(
            "Logons.csv",
            Header + "\nx,ann,CONTOSO,2024-03-04T10:00:00.1234567Z,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,10.0.0.1,0,0\n"
        );

        var ticks = LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null, microsecondsOnly: true)!;
        var microseconds = LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null)!;

        ticks.Single().FirstLogon.UtcTicks.Should().Be(new DateTime(2024, 3, 4, 10, 0, 0).Ticks + 1234567);
        microseconds.Single().FirstLogon.UtcTicks.Should().Be(new DateTime(2024, 3, 4, 10, 0, 0).Ticks + 1234560);
    }

    [Theory]
    [InlineData("a row with a field too few", "x,ann,CONTOSO,2024-03-04T10:00:00Z,4624,a,FS01")]
    [InlineData("a row of empty fields", ",,,,,,,,,,,,,,,,")]
    [InlineData("a row of empty quoted fields", "\"\",,,,,,,,,,,,,,,,\"\"")]
    [InlineData("a bad timestamp", "x,ann,CONTOSO,03/04/2024 10:00,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,1,0,0")]
    [InlineData("a timestamp with white space", "x,ann,CONTOSO, 2024-03-04T10:00Z,4624,a,F,a,U,0x1,3,K,K,W,1,0,0")]
    [InlineData("February 30", "x,ann,CONTOSO,2024-02-30T10:00:00Z,4624,a,F,a,User,0x1,3,K,K,W,1,0,0")]
    [InlineData("an event ID with a sign", "x,ann,CONTOSO,2024-03-04T10:00:00Z,+4624,a,F,a,User,0x1,3,K,K,W,1,0,0")]
    [InlineData("a logon type with a space", "x,ann,CONTOSO,2024-03-04T10:00:00Z,4624,a,F,a,User,0x1, 3,K,K,W,1,0,0")]
    [InlineData("an empty logon type", "x,ann,CONTOSO,2024-03-04T10:00:00Z,4624,a,F,a,User,0x1,,K,K,W,1,0,0")]
    [InlineData("a ten-digit event ID", "x,ann,CONTOSO,2024-03-04T10:00:00Z,4294967296,a,F,a,U,0x1,3,K,K,W,1,0,0")]
    [InlineData("a lone CR", "x,ann\rbob,CONTOSO,2024-03-04T10:00:00Z,4624,a,F,a,User,0x1,3,K,K,W,1,0,0")]
    [InlineData("a stray quote", "x,\"ann,CONTOSO,2024-03-04T10:00:00Z,4624,a,F,a,User,0x1,3,K,K,W,1,0,0")]
    [InlineData("a quote inside a value", "x,an\"n,CONTOSO,2024-03-04T10:00:00Z,4624,a,F,a,User,0x1,3,K,K,W,1,0,0")]
    public void A_row_the_dotnet_reader_reports_or_reads_otherwise_leaves_the_file_to_the_other_paths(
        string kind,
        string row
    )
    {
        string good = "x,bob,CONTOSO,2024-03-04T09:00:00Z,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,10.0.0.1,0,0";
        string path = _folder.Write("Logons.csv", $"{Header}\n{good}\n{row}\n{good}\n");
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        var report = new LoadReport();

        foreach (int parts in new[] { 1, 2 })
            LogonDailyCsv.TrySummarize(path, TimeRange.All, report, null, true, parts).Should().BeNull(kind);
        report.RowCount.Should().Be(0, "nothing is recorded when the file is left to the other paths");
        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected, kind);
        report.RowCount.Should().Be(expectedReport.RowCount, kind);
        report
            .DroppedRows.Select(dropped => (dropped.LineNumber, dropped.ColumnName))
            .Should()
            .Equal(expectedReport.DroppedRows.Select(dropped => (dropped.LineNumber, dropped.ColumnName)), kind);
    }

    [Fact]
    public void Invalid_utf8_and_a_missing_last_line_break_are_left_to_the_other_paths()
    {
        string good = "x,bob,CONTOSO,2024-03-04T09:00:00Z,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,10.0.0.1,0,0";
        string invalid = _folder.File("Invalid.csv");
        File.WriteAllBytes(
            invalid,
            [.. Encoding.UTF8.GetBytes($"{Header}\n{good}\nx,b"), 0xFF, .. Encoding.UTF8.GetBytes(good[3..] + "\n")]
        );
        string unterminated = _folder.Write("Unterminated.csv", $"{Header}\n{good}\n{good}");

        LogonDailyCsv.TrySummarize(invalid, TimeRange.All, new LoadReport(), null).Should().BeNull();
        LogonDailyCsv.TrySummarize(unterminated, TimeRange.All, new LoadReport(), null).Should().BeNull();
        var allowed = new DataReadOptions { AllowUnterminatedLastLine = true };
        LogonDailyCsv
            .TrySummarize(unterminated, TimeRange.All, null, allowed, true)
            .Should()
            .Equal(LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(unterminated, null, allowed)));
    }

    [Fact]
    public void A_header_error_is_the_dotnet_readers()
    {
        string path = _folder.Write("Logons.csv", "TimeGenerated,EventID\n2024-03-04T09:00:00Z,4624\n");

        var fast = () => LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null);
        var dotNet = () => CsvDataFile.Read<LogonEvent>(path).ToList();

        fast.Should()
            .Throw<DataFormatException>()
            .Which.Message.Should()
            .Be(dotNet.Should().Throw<DataFormatException>().Which.Message);
    }

    [Fact]
    public void Nearly_one_combination_per_event_leaves_the_file_to_the_sql_path_whose_memory_is_capped()
    {
        var text = new StringBuilder(Header).Append('\n');
        for (int row = 0; row < 60; row++)
            text.Append(
                $"x,ann,CONTOSO,2024-03-04T09:{row:00}:00Z,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,10.0.0.{row},0,0\n"
            );
        string path = _folder.Write("Logons.csv", text.ToString());
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path));

        LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null, true, 1, maximumCombinations: 59).Should().BeNull();
        LogonDailyCsv
            .TrySummarize(path, TimeRange.All, null, null, true, 1, maximumCombinations: 60)
            .Should()
            .Equal(expected);
        expected.Single().SourceIpAddressesAttempted.Should().Be(60);
    }

    [Fact]
    public void Events_the_summary_leaves_out_are_checked_but_hold_no_memory()
    {
        // Logoffs (4634), interactive logons and events outside the range, each on its own computer: read and checked,
        // not counted, so one combination (the one 4624 network logon in range) stays under a limit of one.
        var text = new StringBuilder(Header).Append('\n');
        for (int row = 0; row < 30; row++)
        {
            (string eventId, string logonType, string day) = (row % 3) switch
            {
                0 => ("4634", "3", "04"),
                1 => ("4624", "2", "04"),
                _ => ("4624", "3", "09"),
            };
            text.Append($"x,ann,CONTOSO,2024-03-{day}T09:{row:00}:00Z,{eventId},a,PC{row},a,User,0x1,{logonType},K,")
                .Append("Kerberos,W,10.0.0.1,0,0\n");
        }
        text.Append("x,ann,CONTOSO,2024-03-04T10:00:00Z,4624,a,FS01,a,User,0x1,3,K,Kerberos,W,10.0.0.1,0,0\n");
        string path = _folder.Write("Logons.csv", text.ToString());
        var range = new TimeRange(
            new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero)
        );
        var report = new LoadReport();

        var actual = LogonDailyCsv.TrySummarize(path, range, report, null, true, 1, maximumCombinations: 1);

        actual.Should().NotBeNull().And.Equal(DotNet(path, range, floorToMicroseconds: false));
        actual!.Single().AttemptedLogons.Should().Be(1);
        report.RowCount.Should().Be(31);
    }

    [Fact]
    public void A_range_end_between_two_microseconds_is_left_to_the_other_paths()
    {
        var range = new TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddTicks(15));

        LogonDailyCsv.TrySummarize(DemoLogons, range, null, null).Should().BeNull();
    }
}
