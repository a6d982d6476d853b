using SecurityML.Data;
using SecurityML.Features;
using SecurityML.Features.Logons;
using SecurityML.Tests.Data.Engines;

namespace SecurityML.Tests.Features.Logons;

/// <summary>
/// <see cref="DailyLogonCountSql"/> (one DuckDB statement) against the .NET path (<see cref="CsvDataFile"/>, the
/// range filter of the local provider, then <see cref="EntityAggregation.SummarizeByEntityAndDay{T}"/> by
/// <c>Account</c>): identical rows in the same order, the same report in lenient mode, the same error in strict mode.
/// </summary>
public sealed class DailyLogonCountSqlTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<EntityDaySummary> DotNet(string path, TimeRange range, LoadReport? report = null) =>
        CsvDataFile
            .Read<LogonEvent>(path, report)
            .Where(logon => range.Contains(logon.TimeGenerated))
            .SummarizeByEntityAndDay(logon => logon.Account, logon => logon.TimeGenerated);

    [Fact]
    public void The_demo_logons_give_identical_counts_whole_and_in_a_range()
    {
        string path = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");
        var all = DotNet(path, TimeRange.All);
        var week = TimeRange.Days(all.Min(row => row.FirstSeen).AddDays(5), 7);

        DailyLogonCountSql.TrySummarizeCsv(path, TimeRange.All, null, null).Should().Equal(all);
        DailyLogonCountSql.TrySummarizeCsv(path, week, null, null).Should().Equal(DotNet(path, week));
        all.Should().HaveCountGreaterThan(300);
        DotNet(path, week).Should().NotBeEmpty().And.HaveCountLessThan(all.Count);
    }

    [Fact]
    public void The_demo_logons_as_parquet_written_by_duckdb_give_identical_counts()
    {
        string csv = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");
        string parquet = _folder.File("Logons.parquet");
        SqlTwin.WriteParquet(csv, parquet);
        var week = TimeRange.Days(new DateTimeOffset(2024, 3, 8, 0, 0, 0, TimeSpan.Zero), 7);

        DailyLogonCountSql.SummarizeParquet(parquet, TimeRange.All).Should().Equal(DotNet(csv, TimeRange.All));
        DailyLogonCountSql.SummarizeParquet(parquet, week).Should().Equal(DotNet(csv, week)).And.NotBeEmpty();
    }

    [Fact]
    public void Edge_cases_give_identical_counts_in_strict_mode()
    {
        string path = _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: false));
        var expected = DotNet(path, EdgeCaseCsv.Range);

        var actual = DailyLogonCountSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null);

        actual.Should().NotBeNull("DuckDB reads this file").And.Equal(expected);
        expected.Should().Contain(row => row.Entity == "").And.Contain(row => row.Entity == "contoso\\ANN");
        expected
            .Where(row => row.Entity == "CONTOSO\\ann")
            .Select(row => (row.Day.Day, row.Count))
            .Should()
            .Equal((4, 2), (5, 4), (6, 1));
    }

    [Fact]
    public void Edge_cases_with_bad_rows_give_identical_counts_and_the_same_report_in_lenient_mode()
    {
        string path = _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: true));

        SqlTwin.SameInLenientMode(
            report => DailyLogonCountSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, report, null),
            report => DotNet(path, EdgeCaseCsv.Range, report),
            rows: 17,
            dropped: 2
        );
    }

    [Fact]
    public void A_bad_row_in_strict_mode_throws_the_same_error()
    {
        string path = _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: true));

        SqlTwin.SameErrorInStrictMode(
            () => DailyLogonCountSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, null, null),
            () => DotNet(path, EdgeCaseCsv.Range)
        );
    }

    [Theory]
    [InlineData("4624.0")]
    [InlineData("three")]
    public void A_logon_type_duckdb_reads_otherwise_than_dotnet_leaves_the_file_to_the_dotnet_reader(string type)
    {
        string path = _folder.Write(
            "Logons.csv",
            EdgeCaseCsv.Logons(false, ("2024-03-04T10:00:00Z", "CONTOSO\\eve", "FS01", type))
        );

        DailyLogonCountSql.TrySummarizeCsv(path, EdgeCaseCsv.Range, new LoadReport(), null).Should().BeNull();
        FluentActions.Invoking(() => DotNet(path, EdgeCaseCsv.Range)).Should().Throw<DataFormatException>();
    }
}
