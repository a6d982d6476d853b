using SecurityML.Data;

namespace SecurityML.Tests.Data;

public sealed class QueryProviderTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _folder = new();

    public QueryProviderTests()
    {
        var logons = Enumerable
            .Range(0, 48)
            .Select(hour => new LogonEvent
            {
                TimeGenerated = Monday.AddHours(hour),
                EventID = 4624,
                Account = "CONTOSO\\user" + hour % 3,
            });
        CsvDataFile.Write(_folder.File(DataSets.Logons.FileName), logons);
        CsvDataFile.Write(
            _folder.File(DataSets.UserDirectory.FileName),
            [new UserDirectoryEntry { Account = "CONTOSO\\user0" }]
        );
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Start_is_inclusive_and_end_exclusive()
    {
        var provider = QueryProvider.Local(_folder.Path);

        var rows = provider.Logons(Monday.AddHours(10), Monday.AddHours(13));

        rows.Select(row => row.TimeGenerated.Hour).Should().Equal(10, 11, 12);
    }

    [Fact]
    public void Open_ends_return_everything_and_offsets_are_honoured()
    {
        var provider = QueryProvider.Local(_folder.Path);

        provider.Logons().Should().HaveCount(48);
        provider.Logons(start: Monday.AddDays(1)).Should().HaveCount(24);
        provider.Logons(end: new DateTimeOffset(2024, 3, 4, 3, 0, 0, TimeSpan.FromHours(2))).Should().HaveCount(1);
    }

    [Fact]
    public void Query_by_name_streams_typed_rows_and_checks_the_type()
    {
        var provider = QueryProvider.Local(_folder.Path);

        provider.Query<LogonEvent>("logons", TimeRange.Days(Monday, 1)).Should().HaveCount(24);
        var wrongType = () => provider.Query<SignInEvent>("Logons", TimeRange.All);
        var unknown = () => provider.Query<LogonEvent>("Nope", TimeRange.All);
        wrongType.Should().Throw<ArgumentException>().WithMessage("*LogonEvent*SignInEvent*");
        unknown.Should().Throw<ArgumentException>().WithMessage("*FileShareAccess*Nope*");
    }

    [Fact]
    public async Task Async_load_filters_the_same_way_and_honours_cancellation()
    {
        var provider = QueryProvider.Local(_folder.Path);

        var rows = await provider.LoadAsync(DataSets.Logons, new TimeRange(Monday.AddHours(47), Monday.AddDays(9)));

        rows.Should().ContainSingle();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var act = () => provider.LoadAsync(DataSets.Logons, TimeRange.All, cancelled.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Data_without_time_is_returned_whole()
    {
        QueryProvider.Local(_folder.Path).UserDirectory().Should().ContainSingle();
    }

    [Fact]
    public void Missing_file_and_folder_say_what_was_expected()
    {
        var provider = QueryProvider.Local(_folder.Path);

        var missingFile = () => provider.SignIns();
        var missingFolder = () => QueryProvider.Local(_folder.File("absent"));

        missingFile.Should().Throw<FileNotFoundException>().WithMessage("*SignIns.csv*");
        missingFolder.Should().Throw<DirectoryNotFoundException>().WithMessage("*absent*");
    }

    [Fact]
    public void Lenient_provider_reports_dropped_rows()
    {
        File.AppendAllText(_folder.File(DataSets.Logons.FileName), "not,a,row\n");
        var report = new LoadReport();

        var rows = QueryProvider.Local(_folder.Path, report).Logons();
        var strict = () => QueryProvider.Local(_folder.Path).Logons();

        rows.Should().HaveCount(48);
        report.DroppedRowCount.Should().Be(1);
        report.DroppedRows.Single().LineNumber.Should().Be(50);
        strict.Should().Throw<DataFormatException>().Where(error => error.LineNumber == 50);
    }

    [Fact]
    public void Time_range_rejects_an_end_before_the_start()
    {
        var act = () => new TimeRange(Monday, Monday.AddTicks(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("end");
    }
}
