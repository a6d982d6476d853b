using System.Text;
using SecurityML.Data;
using SecurityML.Features.FileShares;
using SecurityML.Tests.Data.Engines;

namespace SecurityML.Tests.Features.FileShares;

/// <summary>
/// <see cref="ShareAccessSql"/> (one DuckDB statement) against the .NET path (<see cref="CsvDataFile"/>, the range
/// filter of the local provider, then <see cref="ShareAccessSummary.Summarize"/>): identical rows in the same order,
/// and the same rows read and dropped (line and column) in lenient mode, the same error in strict mode.
/// </summary>
public sealed class ShareAccessSqlTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<ShareAccessSummary> DotNet(string path, TimeRange range, LoadReport? report = null) =>
        ShareAccessSummary.Summarize(
            CsvDataFile.Read<FileShareAccessEvent>(path, report).Where(e => range.Contains(e.TimeGenerated))
        );

    [Fact]
    public void The_demo_share_accesses_give_identical_summaries_whole_and_in_a_range()
    {
        string path = Path.Combine(RepositoryPaths.SampleData, "FileShareAccess.csv");
        var all = DotNet(path, TimeRange.All);
        var week = TimeRange.Days(all[0].FirstSeen.AddDays(3), 7);

        ShareAccessSql.TrySummarizeCsv(path, TimeRange.All, null, null).Should().Equal(all);
        ShareAccessSql.TrySummarizeCsv(path, week, null, null).Should().Equal(DotNet(path, week));
        all.Should().HaveCountGreaterThan(50);
        DotNet(path, week).Sum(row => row.Count).Should().BeLessThan(all.Sum(row => row.Count));
    }

    [Fact]
    public void The_demo_share_accesses_as_parquet_written_by_duckdb_give_identical_summaries()
    {
        string csv = Path.Combine(RepositoryPaths.SampleData, "FileShareAccess.csv");
        string parquet = _folder.File("FileShareAccess.parquet");
        SqlTwin.WriteParquet(csv, parquet);
        var week = TimeRange.Days(new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero), 7);

        ShareAccessSql.SummarizeParquet(parquet, TimeRange.All).Should().Equal(DotNet(csv, TimeRange.All));
        ShareAccessSql.SummarizeParquet(parquet, week).Should().Equal(DotNet(csv, week)).And.NotBeEmpty();
    }

    [Fact]
    public void Edge_cases_give_identical_summaries_in_strict_mode()
    {
        string path = _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(structuralBadRows: false));
        var expected = DotNet(path, EdgeCaseCsv.Range);

        var actual = ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null);

        actual.Should().NotBeNull("DuckDB reads this file").And.Equal(expected);
        expected.Select(row => (row.Account, row.ShareName)).Should().Contain(("contoso\\ANN", "\\\\*\\Finance"));
        expected.Should().Contain(row => row.Account == "-").And.HaveCount(7);
        expected.Single(row => row.Account == "CONTOSO\\ann" && row.ShareName == "\\\\*\\Finance").Count.Should().Be(6);
    }

    [Fact]
    public void Edge_cases_with_bad_rows_give_identical_summaries_and_the_same_report_in_lenient_mode()
    {
        string path = _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(structuralBadRows: true));

        SqlTwin.SameInLenientMode(
            report => ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, report, null),
            report => DotNet(path, EdgeCaseCsv.Range, report),
            rows: 17,
            dropped: 2
        );
    }

    [Fact]
    public void A_bad_row_in_strict_mode_throws_the_same_error()
    {
        string path = _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(structuralBadRows: true));

        SqlTwin.SameErrorInStrictMode(
            () => ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null),
            () => DotNet(path, EdgeCaseCsv.Range)
        );
    }

    [Fact]
    public void Bad_rows_in_a_file_with_a_quoted_line_break_are_reported_at_the_dotnet_readers_lines()
    {
        // A quoted line break, then a row of the wrong shape: DuckDB would name the line before it.
        string path = _folder.Write(
            "FileShareAccess.csv",
            EdgeCaseCsv.Shares(false)
                + EdgeCaseCsv.ShareRow("2024-03-04T10:00:00Z", "CONTOSO\\ann", "\"Fi\nnance\"")
                + "\n"
                + EdgeCaseCsv.ShareRow("2024-03-04T11:00:00Z", "CONTOSO\\ann", "x")
                + ",extra\n"
        );
        var expectedReport = new LoadReport();
        DotNet(path, EdgeCaseCsv.Range, expectedReport);
        var report = new LoadReport();

        ShareAccessSql
            .TrySummarizeCsv(path, EdgeCaseCsv.Range, report, null)
            .Should()
            .BeNull("the .NET reader decides");
        report.DroppedRowCount.Should().Be(0);
        expectedReport
            .DroppedRows.Should()
            .ContainSingle()
            .Which.LineNumber.Should()
            .Be(File.ReadAllLines(path).Length);
    }

    [Theory]
    [InlineData("2024-03-04T10:00:00Z", "1.5", false)]
    [InlineData("2024-03-04T10:00:00Z", "0x10", false)]
    [InlineData("2024-03-04T10:00:00Z", "", false)]
    [InlineData("2024-3-4 10:00:00", "445", false)]
    [InlineData("2024-03-04T10:00:00 UTC", "445", false)]
    [InlineData("2024-02-30T10:00:00Z", "445", false)]
    [InlineData("2024-03-04T24:00:00Z", "445", false)]
    [InlineData("not-a-time", "445", false)]
    [InlineData("2024-03-04T10:00:00+0100", "445", true)]
    [InlineData("2024-03-04T10:00:00Z", " 445", true)]
    public void A_value_duckdb_reads_otherwise_than_dotnet_leaves_the_file_to_the_dotnet_reader(
        string time,
        string port,
        bool dotnetReadsIt
    )
    {
        string path = _folder.Write(
            "FileShareAccess.csv",
            EdgeCaseCsv.Shares(false, (time, "CONTOSO\\eve", "\\\\*\\HR", port))
        );

        ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, new LoadReport(), null).Should().BeNull();
        ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null).Should().BeNull();
        var read = FluentActions.Invoking(() => DotNet(path, EdgeCaseCsv.Range));
        if (dotnetReadsIt)
            read.Should().NotThrow().Which.Should().Contain(row => row.Account == "CONTOSO\\eve");
        else
            read.Should().Throw<DataFormatException>().Which.LineNumber.Should().Be(20, "the last line");
    }

    [Fact]
    public void A_row_of_empty_fields_leaves_the_file_to_the_dotnet_reader()
    {
        string path = _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(false) + new string(',', 13) + "\n");

        ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, new LoadReport(), null).Should().BeNull();
        FluentActions
            .Invoking(() => DotNet(path, EdgeCaseCsv.Range))
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("*line 20: empty row*");
    }

    [Fact]
    public void Line_breaks_that_mix_crlf_and_lf_give_identical_summaries_or_the_dotnet_reader()
    {
        string lf = EdgeCaseCsv.Shares(structuralBadRows: false);
        int half = lf.Length / 2;
        string path = _folder.Write("FileShareAccess.csv", lf[..half].Replace("\n", "\r\n") + lf[half..]);

        var actual = ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null);

        (actual ?? DotNet(path, EdgeCaseCsv.Range)).Should().Equal(DotNet(path, EdgeCaseCsv.Range));
    }

    [Fact]
    public void A_line_of_white_space_is_skipped_as_the_dotnet_reader_skips_it()
    {
        string path = _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(false) + "   \n\t\n");
        var report = new LoadReport();

        var actual = ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, report, null);

        var expectedReport = new LoadReport();
        (actual ?? DotNet(path, EdgeCaseCsv.Range, report))
            .Should()
            .Equal(DotNet(path, EdgeCaseCsv.Range, expectedReport));
        report.DroppedRowCount.Should().Be(expectedReport.DroppedRowCount).And.Be(0);
    }

    [Fact]
    public void Bytes_invalid_in_utf8_leave_the_file_to_the_dotnet_reader_which_throws_even_in_lenient_mode()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(EdgeCaseCsv.Shares(false));
        bytes[Array.LastIndexOf(bytes, (byte)'\\')] = 0xFF;
        string path = _folder.File("FileShareAccess.csv");
        File.WriteAllBytes(path, bytes);

        ShareAccessSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, new LoadReport(), null).Should().BeNull();
        FluentActions
            .Invoking(() => DotNet(path, EdgeCaseCsv.Range, new LoadReport()))
            .Should()
            .Throw<DataFormatException>()
            .Which.LineNumber.Should()
            .Be(19, "the last line");
    }
}
