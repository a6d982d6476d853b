using DuckDB.NET.Data;
using SecurityML.Data;

namespace SecurityML.Tests.Data;

/// <summary>
/// Parquet written by DuckDB's own COPY (not our writer) in Security Lake's layout, with OCSF 1.x structs and extra
/// columns Security Lake adds (<c>time_dt</c>, <c>cloud</c>, <c>unmapped</c>), read into the records the JSON Lines
/// reader gives.
/// </summary>
public sealed class SecurityLakeParquetTests : IDisposable
{
    private const string Day1 = "region=us-east-1/accountId=123456789012/eventDay=20240304";
    private const string Day2 = "region=us-east-1/accountId=123456789012/eventDay=20240305";

    // One OCSF 1.1 Network Activity row as Security Lake's VPC flow source stores it (values of our demo line).
    private const string GoodRow =
        "4001 AS class_uid, 4 AS category_uid, 1 AS activity_id, 400101::BIGINT AS type_uid, 1 AS severity_id, "
        + "{time}::BIGINT AS time, epoch_ms({time}::BIGINT) AS time_dt, "
        + "{'user': {'name': 'anna@contoso.com', 'uid': 'AIDA1'}} AS actor, "
        + "{'ip': '73.97.9.170', 'port': 49152, 'instance_uid': 'd1', 'vpc_uid': 'vpc-1'} AS src_endpoint, "
        + "{'ip': '203.0.113.1', 'port': 443, 'instance_uid': NULL, 'vpc_uid': 'vpc-1'} AS dst_endpoint, "
        + "{'bytes': 1300::BIGINT, 'bytes_in': 300::BIGINT, 'bytes_out': 1000::BIGINT, 'packets': 7::BIGINT, "
        + "'packets_in': 3::BIGINT, 'packets_out': 4::BIGINT} AS traffic, 1 AS action_id, "
        + "{'version': '1.1.0', 'product': {'name': 'Amazon VPC', 'vendor_name': 'AWS'}} AS metadata, "
        + "{'region': 'us-east-1', 'provider': 'AWS'} AS cloud, MAP {'k': 'v'} AS unmapped";

    private const long Time1 = 1709539607647; // 2024-03-04T08:06:47.647Z
    private const long Time2 = 1709625600000; // 2024-03-05T08:00:00Z

    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    private void WriteParquet(string partition, string fileName, params string[] selects)
    {
        var folder = _root[partition];
        Directory.CreateDirectory(folder);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var query = string.Join(" UNION ALL ", selects.Select(select => "SELECT " + select));
        command.CommandText = $"COPY ({query}) TO '{Path.Combine(folder, fileName)}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    private static string Row(long time, string? replace = null, string? with = null)
    {
        var row = GoodRow.Replace("{time}", time.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (replace is null)
            return row;
        row.Should().Contain(replace, "the test changes a part of the good row");
        return row.Replace(replace, with);
    }

    private List<OcsfNetworkActivity> Read(TimeRange? range = null, LoadReport? report = null) =>
        SecurityLakeParquet.ReadNetworkActivity(_root.Path, range ?? TimeRange.All, report).ToList();

    [Fact]
    public void Reads_ocsf_structs_into_the_records_the_json_lines_reader_gives()
    {
        WriteParquet(Day1, "part-0.parquet", Row(Time1));
        var line = (
            "{'activity_id':1,'category_uid':4,'class_uid':4001,'type_uid':400101,'severity_id':1,'time':"
            + Time1
            + ",'actor':{'user':{'name':'anna@contoso.com'}},'src_endpoint':{'ip':'73.97.9.170','port':49152,"
            + "'instance_uid':'d1'},'dst_endpoint':{'ip':'203.0.113.1','port':443},'traffic':{'bytes_out':1000,"
            + "'bytes_in':300,'packets_out':4,'packets_in':3},'action_id':1,'metadata':{'version':'1.1.0',"
            + "'product':{'name':'Amazon VPC','vendor_name':'AWS'}}}"
        ).Replace('\'', '"');
        var fromJson = JsonLinesDataFile
            .Read<OcsfNetworkActivity>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line)), "x.jsonl")
            .Single();

        var row = Read().Single();

        row.Should().Be(fromJson);
        row.SourceEndpoint.Should().Be(fromJson.SourceEndpoint);
        row.Actor!.User!.Name.Should().Be("anna@contoso.com");
        row.Traffic!.BytesOut.Should().Be(1000);
        row.TimeUtc.Should().Be(new DateTimeOffset(2024, 3, 4, 8, 6, 47, 647, TimeSpan.Zero));
    }

    [Fact]
    public void A_timestamp_time_column_is_read_as_utc_milliseconds()
    {
        WriteParquet(
            Day1,
            "part-0.parquet",
            Row(Time1, "1709539607647::BIGINT AS time,", "epoch_ms(1709539607647::BIGINT) AS time,")
        );

        Read().Single().Time.Should().Be(Time1);
    }

    [Fact]
    public void A_time_range_opens_only_the_event_days_it_touches()
    {
        WriteParquet(Day1, "part-0.parquet", Row(Time1));
        WriteParquet(Day2, "part-0.parquet", Row(Time2));
        File.WriteAllText(_root[Day2 + "/part-1.parquet"], "not parquet");
        var day1 = TimeRange.Days(DateTimeOffset.FromUnixTimeMilliseconds(Time1), 1);

        Read(day1).Select(row => row.Time).Should().Equal(Time1);
        var all = () => Read();
        all.Should()
            .Throw<DataFormatException>()
            .Where(e => e.FilePath.EndsWith("part-1.parquet", StringComparison.Ordinal))
            .WithMessage("*not a readable Parquet file*");
    }

    [Fact]
    public void Rows_outside_the_range_inside_a_touched_day_are_filtered()
    {
        WriteParquet(Day1, "part-0.parquet", Row(Time1), Row(Time1 + 3_600_000));
        var range = new TimeRange(DateTimeOffset.FromUnixTimeMilliseconds(Time1 + 1), DateTimeOffset.MaxValue);

        Read(range).Select(row => row.Time).Should().Equal(Time1 + 3_600_000);
    }

    [Fact]
    public void A_bad_row_throws_with_file_row_and_column_in_strict_mode()
    {
        WriteParquet(Day1, "part-0.parquet", Row(Time1), Row(Time1, "4001 AS class_uid", "4002 AS class_uid"));

        var act = () => Read();

        var error = act.Should().Throw<DataFormatException>().Which;
        error.FilePath.Should().Be(_root[Day1 + "/part-0.parquet"]);
        error.LineNumber.Should().Be(2);
        error.ColumnName.Should().Be("class_uid");
        error
            .Message.Should()
            .Contain("4001 (Network Activity)")
            .And.Contain("'4002'")
            .And.Contain(".parquet, row 2, ");
    }

    [Theory]
    [InlineData(
        "{'ip': '73.97.9.170', 'port': 49152, 'instance_uid': 'd1', 'vpc_uid': 'vpc-1'} AS src_endpoint",
        "NULL::STRUCT(ip VARCHAR) AS src_endpoint",
        "src_endpoint"
    )]
    [InlineData("1709539607647::BIGINT AS time,", "'yesterday' AS time,", "time")]
    [InlineData("1709539607647::BIGINT AS time,", "NULL::BIGINT AS time,", "time")]
    [InlineData("'port': 49152", "'port': 'https'", "src_endpoint.port")]
    [InlineData("{'user': {'name': 'anna@contoso.com', 'uid': 'AIDA1'}}", "{'user': 'anna'}", "actor.user")]
    [InlineData("'port': 49152", "'port': 3000000000::BIGINT", "src_endpoint.port")]
    public void Lenient_mode_skips_bad_rows_and_reports_each(string replace, string with, string column)
    {
        // A Parquet column has one type per file, so a row of another type comes in a file of its own.
        WriteParquet(Day1, "part-0.parquet", Row(Time1), Row(Time1));
        WriteParquet(Day1, "part-1.parquet", Row(Time1, replace, with));
        WriteParquet(Day1, "part-2.parquet", Row(Time1 + 1));
        var report = new LoadReport();

        var rows = Read(report: report);

        rows.Select(row => row.Time).Should().Equal(Time1, Time1, Time1 + 1);
        report.RowCount.Should().Be(3);
        report.DroppedRowCount.Should().Be(1);
        var dropped = report.DroppedRows.Single();
        dropped.FilePath.Should().Be(_root[Day1 + "/part-1.parquet"]);
        dropped.LineNumber.Should().Be(1);
        dropped.ColumnName.Should().Be(column);
    }

    [Fact]
    public void A_root_without_partitions_or_with_a_bad_event_day_is_an_error_naming_it()
    {
        var empty = () => Read();
        empty.Should().Throw<DataFormatException>().WithMessage("*no Security Lake partitions*");

        WriteParquet("region=us-east-1/accountId=1/eventDay=2024-03-04", "part-0.parquet", Row(Time1));
        var badDay = () => Read();
        badDay.Should().Throw<DataFormatException>().Where(e => e.FilePath.EndsWith("eventDay=2024-03-04"));
    }

    [Fact]
    public void Written_layout_reads_back_equal_records_partitioned_by_utc_day()
    {
        WriteParquet(Day1, "part-0.parquet", Row(Time1), Row(Time2));
        var records = Read();
        var lake = Path.Combine(_root.Path, "written");

        SecurityLakeParquet.WriteNetworkActivity(lake, records).Should().Be(2);

        Directory
            .GetFiles(lake, "*.parquet", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(lake, file).Replace('\\', '/'))
            .Should()
            .BeEquivalentTo(Day1 + "/data_0.parquet", Day2 + "/data_0.parquet");
        SecurityLakeParquet.ReadNetworkActivity(lake, TimeRange.All).Should().Equal(records);
    }

    [Fact]
    public void Partition_values_are_checked()
    {
        var act = () => SecurityLakeParquet.WriteNetworkActivity(_root.Path, [], region: "../x");

        act.Should().Throw<ArgumentException>().WithParameterName("region");
    }
}
