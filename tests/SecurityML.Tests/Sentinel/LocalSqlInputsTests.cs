using System.Runtime.CompilerServices;
using SecurityML.Data;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;
using SecurityML.Sentinel;
using SecurityML.Tests.Data.Engines;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// <see cref="DetectorInputs"/> with a <see cref="LocalDataProvider"/>: the aggregates run as SQL
/// (<see cref="LocalSqlInputs"/>) and give what the .NET path over the provider's own records gives, with the same
/// rows read and dropped in the provider's lenient report and the same error in strict mode.
/// </summary>
public sealed class LocalSqlInputsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<ShareAccessSummary> DotNetShares(
        QueryProvider provider,
        DateTimeOffset? start,
        DateTimeOffset? end
    ) => ShareAccessSummary.Summarize(provider.FileShareAccess(start, end));

    private static IReadOnlyList<DailyShareAccess> DotNetDailyShares(
        QueryProvider provider,
        DateTimeOffset? start,
        DateTimeOffset? end
    ) => DailyShareAccess.Summarize(provider.FileShareAccess(start, end));

    private static IReadOnlyList<EntityDaySummary> DotNetCounts(
        QueryProvider provider,
        DateTimeOffset? start,
        DateTimeOffset? end
    ) => provider.Logons(start, end).SummarizeByEntityAndDay(logon => logon.Account, logon => logon.TimeGenerated);

    private static IReadOnlyList<LogonDailySummary> DotNetDaily(
        QueryProvider provider,
        DateTimeOffset? start,
        DateTimeOffset? end
    ) => LogonDailyAggregation.Summarize(provider.Logons(start, end));

    [Fact]
    public void The_demo_data_gives_the_dotnet_aggregates_by_sql()
    {
        var local = QueryProvider.Local(RepositoryPaths.SampleData);
        var (start, end) = (Start.AddDays(2), Start.AddDays(9));

        LocalSqlInputs.ShareAccessCounts(local, TimeRange.All).Should().NotBeNull("the demo file is read by SQL");
        LocalSqlInputs.DailyLogonCounts(local, TimeRange.All).Should().NotBeNull("the demo file is read by SQL");
        LocalSqlInputs.DailyLogons(local, TimeRange.All).Should().NotBeNull("the demo file is read by SQL");
        local.ShareAccessCounts().Should().Equal(DotNetShares(local, null, null)).And.HaveCountGreaterThan(50);
        local.ShareAccessCounts(start, end).Should().Equal(DotNetShares(local, start, end)).And.NotBeEmpty();
        LocalSqlInputs.DailyShareAccess(local, TimeRange.All).Should().NotBeNull("the demo file is read by SQL");
        local.DailyShareAccess().Should().Equal(DotNetDailyShares(local, null, null)).And.HaveCountGreaterThan(1000);
        local.DailyShareAccess(start, end).Should().Equal(DotNetDailyShares(local, start, end)).And.NotBeEmpty();
        local.DailyLogonCounts().Should().Equal(DotNetCounts(local, null, null)).And.HaveCountGreaterThan(300);
        local.DailyLogonCounts(start, end).Should().Equal(DotNetCounts(local, start, end)).And.NotBeEmpty();
        local.DailyLogons().Should().Equal(DotNetDaily(local, null, null)).And.HaveCountGreaterThan(300);
        local.DailyLogons(start, end).Should().Equal(DotNetDaily(local, start, end)).And.NotBeEmpty();
    }

    [Fact]
    public void Generated_data_with_another_seed_and_scale_gives_the_dotnet_aggregates_by_sql()
    {
        DemoDataGenerator.Generate(_folder.Path, new() { Seed = 7, Scale = 4 });
        var local = QueryProvider.Local(_folder.Path);
        var (start, end) = (Start.AddDays(3), Start.AddDays(10));

        LocalSqlInputs.ShareAccessCounts(local, TimeRange.All).Should().NotBeNull();
        LocalSqlInputs.DailyLogonCounts(local, TimeRange.All).Should().NotBeNull();
        LocalSqlInputs.DailyLogons(local, TimeRange.All).Should().NotBeNull();
        local.ShareAccessCounts(start, end).Should().Equal(DotNetShares(local, start, end)).And.NotBeEmpty();
        LocalSqlInputs.DailyShareAccess(local, TimeRange.All).Should().NotBeNull();
        local.DailyShareAccess(start, end).Should().Equal(DotNetDailyShares(local, start, end)).And.NotBeEmpty();
        local.DailyLogonCounts().Should().Equal(DotNetCounts(local, null, null));
        local.DailyLogons().Should().Equal(DotNetDaily(local, null, null));
        local.Logons().Should().HaveCountGreaterThan(20_000);
    }

    [Theory]
    [InlineData("01-anomalous-resource-access-training", "provider.ShareAccessCounts(trainingStart, trainingEnd)", 14)]
    [InlineData("03-logon-anomalies-guided-investigation", "provider.DailyLogons(start, end)", 21)]
    [InlineData("04-logon-anomalies-data-science", "provider.DailyLogons(start, end)", 21)]
    [InlineData("09-threshold-tuning", "provider.DailyLogonCounts()", 0)]
    [InlineData("10-bring-your-own-detector", "provider.DailyLogonCounts()", 0)]
    public void The_notebooks_calls_on_their_demo_data_folder_run_as_sql(string notebook, string call, int days)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "notebooks", notebook + ".ipynb"));
        text.Should().Contain(call).And.Contain("var dataFolder = \\\"../sample-data\\\";");
        if (days > 0)
        {
            text.Should().Contain("= new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);");
            text.Should().Contain($"= new DateTimeOffset(2024, 3, {4 + days}, 0, 0, 0, TimeSpan.Zero);");
        }
        var local = QueryProvider.Local(RepositoryPaths.SampleData);
        var range = days > 0 ? new TimeRange(Start, Start.AddDays(days)) : TimeRange.All;

        object? sql = call.Split('(')[0] switch
        {
            "provider.ShareAccessCounts" => LocalSqlInputs.ShareAccessCounts(local, range),
            "provider.DailyLogons" => LocalSqlInputs.DailyLogons(local, range),
            _ => LocalSqlInputs.DailyLogonCounts(local, range),
        };

        sql.Should().NotBeNull($"{notebook} calls {call} on a LocalDataProvider of sample-data");
    }

    [Theory]
    [InlineData("445")]
    [InlineData("1.5")]
    public void Lenient_reading_gives_the_same_rows_and_the_same_report_as_the_dotnet_path(string lastPort)
    {
        // A port of 1.5 is a bad value for .NET and would be rounded by DuckDB: the file goes to the .NET reader.
        var extra = ("2024-03-05T10:00:00Z", "CONTOSO\\eve", "\\\\*\\HR", lastPort);
        _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(true, extra));
        _folder.Write("Logons.csv", EdgeCaseCsv.Logons(true, extra with { Item4 = lastPort == "445" ? "3" : "1.5" }));
        var (start, end) = (EdgeCaseCsv.Range.Start, EdgeCaseCsv.Range.End);

        Same(provider => provider.ShareAccessCounts(start, end), provider => DotNetShares(provider, start, end));
        Same(provider => provider.DailyLogonCounts(start, end), provider => DotNetCounts(provider, start, end));
        Same(provider => provider.DailyLogons(start, end), provider => DotNetDaily(provider, start, end));
        LocalSqlInputs
            .ShareAccessCounts(QueryProvider.Local(_folder.Path, new LoadReport()), EdgeCaseCsv.Range)
            .Should()
            .Match(rows => (rows == null) == (lastPort != "445"));
    }

    [Fact]
    public void Daily_logons_run_as_sql_on_microsecond_times_and_give_the_same_rows_and_report_as_the_dotnet_path()
    {
        // The edge cases without a seventh fraction digit, over whole days: the summary statement's own resolution.
        string microseconds = EdgeCaseCsv
            .Logons(structuralBadRows: true)
            .Replace(".1234567Z", ".123456Z", StringComparison.Ordinal)
            .Replace(".9999999", ".999999", StringComparison.Ordinal)
            .Replace(".0000004Z", ".000001Z", StringComparison.Ordinal)
            .Replace(".0000005Z", ".000002Z", StringComparison.Ordinal);
        _folder.Write("Logons.csv", microseconds);
        var (start, end) = (Start, Start.AddDays(2));

        LocalSqlInputs
            .DailyLogons(QueryProvider.Local(_folder.Path, new LoadReport()), new(start, end))
            .Should()
            .NotBeNull();
        Same(provider => provider.DailyLogons(start, end), provider => DotNetDaily(provider, start, end));
        Same(provider => provider.DailyLogons(), provider => DotNetDaily(provider, null, null));
        var local = QueryProvider.Local(_folder.Path);
        SqlTwin.SameErrorInStrictMode(() => local.DailyLogons(), () => DotNetDaily(local, null, null));
    }

    [Fact]
    public void Daily_logons_with_times_or_range_ends_finer_than_a_microsecond_keep_every_tick()
    {
        string path = _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: false));
        var local = QueryProvider.Local(_folder.Path);

        // The fast reader keeps ticks; the SQL statement (microseconds) leaves such a file to the .NET reader.
        LocalSqlInputs.DailyLogons(local, TimeRange.All).Should().Equal(DotNetDaily(local, null, null));
        LogonDailySql
            .SummarizeCsv(path, TimeRange.All, null, null, microsecondsOnly: true)
            .Should()
            .BeNull("a time has a seventh fraction digit");
        local.DailyLogons().Should().Equal(DotNetDaily(local, null, null));
        _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: false).Replace(".1234567Z", "Z"));
        LocalSqlInputs
            .DailyLogons(local, new(Start, Start.AddDays(1)))
            .Should()
            .Equal(DotNetDaily(local, Start, Start.AddDays(1)), "seventh digits remain, to the tick");
        LogonDailySql
            .SummarizeCsv(path, new(Start, Start.AddDays(1)), null, null, microsecondsOnly: true)
            .Should()
            .BeNull("seventh digits remain");
        string whole = EdgeCaseCsv
            .Logons(false)
            .Replace(".1234567Z", "Z")
            .Replace(".9999999", "")
            .Replace(".000000", ".");
        _folder.Write("Logons.csv", whole.Replace("T00:00:00.4Z", "T00:00:00Z").Replace("T00:00:00.5Z", "T00:00:01Z"));
        LocalSqlInputs.DailyLogons(local, new(Start, Start.AddDays(1))).Should().NotBeNull();
        LocalSqlInputs.DailyLogons(local, new(Start, Start.AddDays(1).AddTicks(5))).Should().BeNull("the end");
    }

    [Fact]
    public void Strict_reading_throws_the_error_of_the_dotnet_path()
    {
        _folder.Write("FileShareAccess.csv", EdgeCaseCsv.Shares(structuralBadRows: true));
        _folder.Write("Logons.csv", EdgeCaseCsv.Logons(structuralBadRows: true));
        var local = QueryProvider.Local(_folder.Path);

        SqlTwin.SameErrorInStrictMode(() => local.ShareAccessCounts(), () => DotNetShares(local, null, null));
        SqlTwin.SameErrorInStrictMode(() => local.DailyLogonCounts(), () => DotNetCounts(local, null, null));
        SqlTwin.SameErrorInStrictMode(() => local.DailyLogons(), () => DotNetDaily(local, null, null));
    }

    [Fact]
    public void A_missing_file_is_left_to_the_dotnet_path_which_names_it()
    {
        var local = QueryProvider.Local(_folder.Path);

        LocalSqlInputs.ShareAccessCounts(local, TimeRange.All).Should().BeNull();
        FluentActions
            .Invoking(() => local.DailyLogonCounts())
            .Should()
            .Throw<FileNotFoundException>()
            .WithMessage("*Logons.csv*");
    }

    private void Same<T>(
        Func<QueryProvider, IReadOnlyList<T>> detectorInput,
        Func<QueryProvider, IReadOnlyList<T>> dotnet,
        [CallerArgumentExpression(nameof(detectorInput))] string what = ""
    )
    {
        var expectedReport = new LoadReport();
        var expected = dotnet(QueryProvider.Local(_folder.Path, expectedReport));
        var report = new LoadReport();

        detectorInput(QueryProvider.Local(_folder.Path, report)).Should().Equal(expected, what);
        expected.Should().NotBeEmpty();
        report.RowCount.Should().Be(expectedReport.RowCount).And.BeGreaterThan(15);
        report.DroppedRowCount.Should().Be(expectedReport.DroppedRowCount).And.BeGreaterThan(1);
        report.DroppedRows.Select(row => row.Message).Should().Equal(expectedReport.DroppedRows.Select(r => r.Message));
    }
}
