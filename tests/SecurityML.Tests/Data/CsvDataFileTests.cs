using SecurityML.Data;

namespace SecurityML.Tests.Data;

public sealed class CsvDataFileTests
{
    private const string LogonHeader =
        "TimeGenerated,EventID,Activity,Computer,Account,AccountType,TargetUserName,TargetDomainName,TargetLogonId,"
        + "LogonType,"
        + "LogonProcessName,AuthenticationPackageName,WorkstationName,IpAddress,Status,SubStatus";

    private static string LogonRow(string time = "2024-03-04T08:00:00Z", string eventId = "4624") =>
        $"{time},{eventId},x,FS01.contoso.local,CONTOSO\\anna,User,anna,CONTOSO,0x1,3,Kerberos,Kerberos,WS1,"
        + $"10.0.0.1,0x0,0x0";

    private static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    private static List<LogonEvent> Read(string text, LoadReport? report = null) =>
        CsvDataFile.Read<LogonEvent>(Utf8(text), "logons.csv", report).ToList();

    [Fact]
    public void Round_trip_keeps_every_value_including_awkward_strings()
    {
        var original = new LogonEvent
        {
            TimeGenerated = new DateTimeOffset(2024, 3, 4, 8, 15, 30, 125, TimeSpan.Zero).AddTicks(7),
            EventID = 4625,
            Activity = "quote \" comma , newline \n and <img src=x onerror=alert(1)>",
            Computer = "ünïcode-host",
            Account = @"CONTOSO\anna",
            LogonType = 3,
        };
        var writer = new StringWriter();
        CsvDataFile.Write(writer, [original]).Should().Be(1);

        var read = CsvDataFile.Read<LogonEvent>(Utf8(writer.ToString()), "memory").Single();

        read.Should().Be(original);
    }

    [Fact]
    public void Every_record_type_round_trips_through_a_file()
    {
        using var folder = new TemporaryFolder();
        RoundTrip(
            folder,
            new FileShareAccessEvent
            {
                TimeGenerated = DateTimeOffset.UnixEpoch,
                ShareName = @"\\*\Finance",
                IpPort = 50000,
            }
        );
        RoundTrip(
            folder,
            new UserDirectoryEntry { Account = @"CONTOSO\a", PrivilegedGroups = "Domain Admins;Backup Operators" }
        );
        RoundTrip(
            folder,
            new HourlyOutboundBytes { TimeGenerated = DateTimeOffset.UnixEpoch, TotalBytesSent = long.MaxValue }
        );
        RoundTrip(
            folder,
            new ProcessCreationEvent { CommandLine = "\"C:\\a b.exe\" /c \"x\"", SubjectLogonId = "0x3e7" }
        );
        RoundTrip(
            folder,
            new OfficeActivityEvent { Parameters = OfficeActivityEvent.FormatParameters([new("Identity", "a,b\"c")]) }
        );
        RoundTrip(folder, new SignInEvent { IPAddress = "2001:db8::1", ResultType = "0" });
        RoundTrip(
            folder,
            new AnomalyLabel
            {
                WindowStart = DateTimeOffset.UnixEpoch,
                WindowEnd = DateTimeOffset.UnixEpoch.AddHours(1),
            }
        );
    }

    private static void RoundTrip<T>(TemporaryFolder folder, T record)
    {
        var path = folder.File(typeof(T).Name + ".csv");
        CsvDataFile.Write(path, [record]);
        CsvDataFile.Read<T>(path).Should().ContainSingle().Which.Should().Be(record);
    }

    [Fact]
    public void Offsets_are_converted_to_utc_and_missing_offsets_mean_utc()
    {
        var rows = Read($"{LogonHeader}\n{LogonRow("2024-03-04T10:00:00+02:00")}\n{LogonRow("2024-03-04 08:00:00")}\n");

        rows.Select(row => row.TimeGenerated)
            .Should()
            .AllBeEquivalentTo(new DateTimeOffset(2024, 3, 4, 8, 0, 0, TimeSpan.Zero));
        rows.Should().OnlyContain(row => row.TimeGenerated.Offset == TimeSpan.Zero);
    }

    [Fact]
    public void Header_only_file_is_an_empty_data_set()
    {
        Read(LogonHeader + "\n").Should().BeEmpty();
    }

    [Fact]
    public void Extra_columns_and_other_column_order_and_case_are_accepted()
    {
        var header =
            string.Join(',', LogonHeader.Split(',').Reverse().Select(name => name.ToLowerInvariant())) + ",Extra";
        var row = string.Join(',', LogonRow().Split(',').Reverse()) + ",ignored";

        Read($"{header}\n{row}\n").Single().Account.Should().Be(@"CONTOSO\anna");
    }

    [Fact]
    public void Empty_file_names_the_file()
    {
        var act = () => Read("");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.FilePath == "logons.csv" && error.LineNumber == 1 && error.Message.Contains("empty"));
    }

    [Fact]
    public void Missing_column_names_file_line_and_column()
    {
        var header = LogonHeader.Replace(",IpAddress", "");

        var act = () => Read(header + "\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error =>
                error.LineNumber == 1 && error.ColumnName == "IpAddress" && error.Message.Contains("logons.csv")
            );
    }

    [Fact]
    public void Bad_timestamp_names_line_column_and_value()
    {
        var act = () => Read($"{LogonHeader}\n{LogonRow()}\n{LogonRow("yesterday")}\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error =>
                error.LineNumber == 3
                && error.ColumnName == "TimeGenerated"
                && error.Message.Contains("'yesterday'")
                && error.Message.Contains("ISO 8601")
            );
    }

    [Fact]
    public void Bad_number_names_line_and_column()
    {
        var act = () => Read($"{LogonHeader}\n{LogonRow(eventId: "4624x")}\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.LineNumber == 2 && error.ColumnName == "EventID" && error.Message.Contains("Int32"));
    }

    [Fact]
    public void Row_with_too_few_fields_is_malformed()
    {
        var act = () => Read($"{LogonHeader}\n{LogonRow()}\n2024-03-04T08:00:00Z,4624\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error =>
                error.LineNumber == 3
                && error.Message.Contains("expected 16 fields")
                && error.Message.Contains("received 2")
            );
    }

    [Fact]
    public void Row_with_text_after_a_closing_quote_is_malformed()
    {
        var act = () => Read($"{LogonHeader}\n{LogonRow().Replace("WS1", "\"W\"S1")}\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.LineNumber == 2 && error.Message.Contains("malformed"));
    }

    [Fact]
    public void Schema_rule_violation_is_reported_with_expected_and_received()
    {
        var text = "TimeGenerated,TotalBytesSent\n2024-03-04T00:00:00Z,-5\n";

        var act = () => CsvDataFile.Read<HourlyOutboundBytes>(Utf8(text), "bytes.csv").ToList();

        act.Should()
            .Throw<DataFormatException>()
            .Where(error =>
                error.LineNumber == 2 && error.ColumnName == "TotalBytesSent" && error.Message.Contains("'-5'")
            );
    }

    [Fact]
    public void Lenient_mode_skips_bad_rows_and_reports_how_many_and_why()
    {
        var report = new LoadReport();
        var text = $"{LogonHeader}\n{LogonRow()}\n{LogonRow("never")}\n1,2\n{LogonRow(eventId: "x")}\n{LogonRow()}\n";

        var rows = Read(text, report);

        rows.Should().HaveCount(2);
        report.RowCount.Should().Be(2);
        report.DroppedRowCount.Should().Be(3);
        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(3, 4, 5);
        report.DroppedRows.Select(row => row.ColumnName).Should().Equal("TimeGenerated", null, "EventID");
        report.ToString().Should().Contain("2 row(s) read, 3 dropped");
    }

    [Fact]
    public void Lenient_mode_still_throws_on_a_missing_column_or_empty_file()
    {
        var missing = () => Read("TimeGenerated\n2024-03-04T00:00:00Z\n", new LoadReport());
        var empty = () => Read("", new LoadReport());

        missing.Should().Throw<DataFormatException>();
        empty.Should().Throw<DataFormatException>();
    }
}
