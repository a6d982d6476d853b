using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Tests.Data;

/// <summary>
/// <see cref="SecurityLakeHourlyBytes"/> (one DuckDB statement) against the record path (the records of
/// <see cref="SecurityLakeParquet.ReadNetworkActivity"/> summed per UTC hour): the same hours and sums, the same rows
/// counted in a lenient report, and the record path's errors when a file holds a row it rejects.
/// </summary>
public sealed class SecurityLakeHourlyBytesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Root => _folder.File("NetworkActivity");

    private static IReadOnlyList<HourlyOutboundBytes> Records(
        string root,
        TimeRange range,
        LoadReport? report = null
    ) =>
        SecurityLakeParquet
            .ReadNetworkActivity(root, range, report)
            .GroupBy(record => new DateTimeOffset(record.TimeUtc.UtcDateTime.Date.AddHours(record.TimeUtc.Hour)))
            .OrderBy(hour => hour.Key)
            .Select(hour => new HourlyOutboundBytes
            {
                TimeGenerated = hour.Key,
                TotalBytesSent = hour.Sum(record => record.Traffic?.BytesOut ?? 0),
            })
            .ToList();

    private static void Execute(string sql)
    {
        using DuckDBConnection connection = DuckDbEngine.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void WriteDemoLake() =>
        SecurityLakeParquet.WriteNetworkActivity(
            Root,
            JsonLinesDataFile.Read<OcsfNetworkActivity>(
                Path.Combine(RepositoryPaths.SampleData, "HostNetworkActivity.ocsf.jsonl")
            )
        );

    [Fact]
    public void The_demo_network_activity_gives_the_same_hourly_sums_by_sql_whole_and_in_a_range()
    {
        WriteDemoLake();
        var all = Records(Root, TimeRange.All);
        // Range ends between milliseconds, inside hours: the comparison must be TimeRange.Contains's.
        var range = new TimeRange(all[3].TimeGenerated.AddMinutes(17).AddTicks(3), all[^4].TimeGenerated.AddTicks(7));
        var report = new LoadReport();
        var expectedReport = new LoadReport();

        SecurityLakeHourlyBytes.TrySql(Root, TimeRange.All, null).Should().Equal(all);
        SecurityLakeHourlyBytes.TrySql(Root, range, report).Should().Equal(Records(Root, range, expectedReport));
        all.Should().HaveCountGreaterThan(24);
        all.Sum(hour => hour.TotalBytesSent).Should().BePositive();
        report.RowCount.Should().Be(expectedReport.RowCount).And.BePositive();
    }

    [Theory]
    [InlineData("class_uid = 4002")]
    [InlineData("src_endpoint = NULL")]
    [InlineData("time = -5")]
    public void A_row_the_reader_rejects_sends_the_file_to_the_record_path_with_its_errors(string change)
    {
        WriteDemoLake();
        string file = Directory
            .EnumerateFiles(Root, "*.parquet", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .First();
        string copy = _folder.File("copy.parquet");
        string[] set = change.Split(" = ");
        Execute(
            $"COPY (SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 2 THEN {set[1]} "
                + $"ELSE {set[0]} END AS {set[0]}) FROM read_parquet('{file}', file_row_number = true)) TO '{copy}' "
                + "(FORMAT parquet)"
        );
        File.Copy(copy, file, overwrite: true);
        var expectedReport = new LoadReport();
        var expected = Records(Root, TimeRange.All, expectedReport);
        var report = new LoadReport();

        SecurityLakeHourlyBytes.TrySql(Root, TimeRange.All, new LoadReport()).Should().BeNull();
        SecurityLakeHourlyBytes.Summarize(Root, TimeRange.All, report).Should().Equal(expected);
        report.DroppedRows.Should().ContainSingle().Which.LineNumber.Should().Be(3);
        report.RowCount.Should().Be(expectedReport.RowCount);
        FluentActions
            .Invoking(() => SecurityLakeHourlyBytes.Summarize(Root, TimeRange.All))
            .Should()
            .Throw<DataFormatException>()
            .Which.Message.Should()
            .Be(expectedReport.DroppedRows[0].Message);
    }

    [Fact]
    public void A_file_without_an_attribute_others_have_gives_the_same_result_as_the_records()
    {
        WriteDemoLake();
        string file = Directory.EnumerateFiles(Root, "*.parquet", SearchOption.AllDirectories).Order().First();
        string copy = _folder.File("copy.parquet");
        Execute($"COPY (SELECT * EXCLUDE (metadata) FROM read_parquet('{file}')) TO '{copy}' (FORMAT parquet)");
        File.Copy(copy, file, overwrite: true);

        SecurityLakeHourlyBytes
            .Summarize(Root, TimeRange.All)
            .Should()
            .Equal(Records(Root, TimeRange.All))
            .And.HaveCountGreaterThan(24);
    }
}
