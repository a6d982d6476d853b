using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// Where DuckDB's native library cannot load (simulated by <see cref="DuckDbMissingContext"/>: the library's own
/// copy in a load context where <c>duckdb</c> resolves to a missing file): CSV inputs give what they give here, where
/// DuckDB runs, through the .NET reader; Parquet and Security Lake inputs give an error naming the file, the platform
/// and the load failure; any other error is not taken for a missing library.
/// </summary>
public sealed class DuckDbUnavailableTests : IDisposable
{
    private const string Engine = "SecurityML.Data.Engines.DuckDbEngine";

    private static readonly string DemoLogons = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");

    private readonly TemporaryFolder _folder = new();
    private readonly DuckDbMissingContext _context = new();

    public void Dispose()
    {
        _context.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void DuckDB_NET_fails_in_the_test_context_as_where_the_library_is_missing()
    {
        Type connectionType = _context.TypeOf("DuckDB.NET.Data", "DuckDB.NET.Data.DuckDBConnection");
        using var connection = (IDisposable)Activator.CreateInstance(connectionType, "DataSource=:memory:")!;

        var open = () =>
            connectionType
                .GetMethod("Open", Type.EmptyTypes)!
                .Invoke(connection, BindingFlags.DoNotWrapExceptions, null, null, null);

        var error = open.Should().Throw<DllNotFoundException>().Which;
        error.Message.Should().Be(MissingLibraryError(_context));
        error.StackTrace.Should().Contain("DuckDB.NET.Data.DuckDBConnectionStringBuilder..cctor()");
        _context.NativeRequests.Should().Equal("duckdb");
        DuckDbEngine.IsAvailable.Should().BeTrue("the default context loads DuckDB");
        DuckDbEngine.UnavailableReason.Should().BeNull();
    }

    [Fact]
    public void The_engine_is_unavailable_with_the_load_failure_as_reason_found_once_by_concurrent_callers()
    {
        var results = new bool[8];
        using var start = new Barrier(results.Length);
        var threads = Enumerable
            .Range(0, results.Length)
            .Select(index => new Thread(() =>
            {
                start.SignalAndWait();
                results[index] = (bool)_context.Get(Engine, nameof(DuckDbEngine.IsAvailable))!;
            }))
            .ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        results.Should().AllSatisfy(available => available.Should().BeFalse());
        _context.Get(Engine, nameof(DuckDbEngine.UnavailableReason)).Should().Be(MissingLibraryError(_context));
        _context.NativeRequests.Should().Equal(["duckdb"], "the engine is probed once and the answer kept");
    }

    [Fact]
    public void The_demo_logons_give_the_same_summaries_through_the_dotnet_reader()
    {
        var expected = LogonDailyAggregation.SummarizeFile(DemoLogons);

        object actual = SummarizeFile(DemoLogons, null);

        expected.Should().HaveCountGreaterThan(100);
        Json(actual).Should().Be(Json(expected));
        _context.Get(Engine, nameof(DuckDbEngine.IsAvailable)).Should().Be(false);
    }

    [Fact]
    public void Every_local_detector_input_over_the_demo_data_is_the_same_through_the_dotnet_reader()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        object otherProvider = _context.Call(
            "SecurityML.Data.QueryProvider",
            nameof(QueryProvider.Local),
            [typeof(string), LibraryType<LoadReport>(), LibraryType<DataReadOptions>()],
            RepositoryPaths.SampleData,
            null,
            null
        )!;
        var inputs = new (string Name, object Expected)[]
        {
            (nameof(DetectorInputs.DailyLogons), provider.DailyLogons()),
            (nameof(DetectorInputs.DailyLogonCounts), provider.DailyLogonCounts()),
            (nameof(DetectorInputs.ShareAccessCounts), provider.ShareAccessCounts()),
            (nameof(DetectorInputs.DailyShareAccess), provider.DailyShareAccess()),
        };

        foreach ((string name, object expected) in inputs)
        {
            object actual = _context.Call(
                "SecurityML.Sentinel.DetectorInputs",
                name,
                [LibraryType<QueryProvider>(), typeof(DateTimeOffset?), typeof(DateTimeOffset?)],
                otherProvider,
                null,
                null
            )!;
            ((ICollection)expected).Count.Should().BeGreaterThan(10, name);
            Json(actual).Should().Be(Json(expected), name);
        }
    }

    [Fact]
    public void A_file_with_bad_rows_gives_the_same_lenient_report_and_strict_error_as_the_sql_path()
    {
        string path = _folder.Write("Logons.csv", LogonsWithBadRows());
        LogonDailySql
            .SummarizeCsv(path, TimeRange.All, new LoadReport(), null)
            .Should()
            .NotBeNull("here DuckDB reads the file, so the SQL path is what the .NET reader is compared with");
        var report = new LoadReport();
        var expected = LogonDailyAggregation.SummarizeFile(path, report);
        object otherReport = Activator.CreateInstance(LibraryType<LoadReport>())!;

        object actual = SummarizeFile(path, otherReport);

        Json(actual).Should().Be(Json(expected));
        ReportJson(otherReport).Should().Be(ReportJson(report));
        report.DroppedRowCount.Should().Be(2);
        var strictError = FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path))
            .Should()
            .Throw<DataFormatException>()
            .Which;
        FluentActions
            .Invoking(() => SummarizeFile(path, null))
            .Should()
            .Throw<Exception>()
            .Which.Should()
            .Match<Exception>(error =>
                error.GetType().FullName == typeof(DataFormatException).FullName && error.Message == strictError.Message
            );
    }

    [Fact]
    public void A_parquet_file_is_an_error_naming_the_file_the_platform_and_the_load_failure()
    {
        string parquet = _folder.File("Logons.parquet");
        SqlTwin.WriteParquet(DemoLogons, parquet);
        LogonDailyAggregation.SummarizeFile(parquet).Should().NotBeEmpty("the file is readable where DuckDB loads");

        var error = FluentActions
            .Invoking(() => SummarizeFile(parquet, null))
            .Should()
            .Throw<PlatformNotSupportedException>()
            .Which;

        error.Message.Should().StartWith($"{parquet}: ");
        error.Message.Should().Contain($"on this platform ({RuntimeInformation.RuntimeIdentifier})");
        error.Message.Should().Contain("linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-arm64");
        error.Message.Should().EndWith($"Load failure: {_context.Get(Engine, nameof(DuckDbEngine.UnavailableReason))}");
    }

    [Fact]
    public void A_security_lake_folder_is_an_error_naming_its_first_file_and_writing_one_names_the_root()
    {
        string lake = _folder.File("NetworkActivity");
        var records = QueryProvider.Local(RepositoryPaths.SampleData).NetworkActivity().Take(50).ToList();
        SecurityLakeParquet.WriteNetworkActivity(lake, records).Should().Be(50);
        string firstFile = SecurityLakeLayout.Files(lake, TimeRange.All)[0];
        object all = LibraryType<TimeRange>().GetProperty(nameof(TimeRange.All))!.GetValue(null)!;
        var read = (IEnumerable)
            _context.Call(
                "SecurityML.Data.SecurityLakeParquet",
                nameof(SecurityLakeParquet.ReadNetworkActivity),
                [typeof(string), LibraryType<TimeRange>(), LibraryType<LoadReport>()],
                lake,
                all,
                null
            )!;
        Type recordType = LibraryType<SecurityML.Data.OcsfNetworkActivity>();

        FluentActions
            .Invoking(() => read.Cast<object>().ToList())
            .Should()
            .Throw<PlatformNotSupportedException>()
            .WithMessage($"{firstFile}: this needs DuckDB*");
        FluentActions
            .Invoking(() =>
                _context.Call(
                    "SecurityML.Data.SecurityLakeParquet",
                    nameof(SecurityLakeParquet.WriteNetworkActivity),
                    [typeof(string), typeof(IEnumerable<>).MakeGenericType(recordType), typeof(string), typeof(string)],
                    _folder.File("written"),
                    Array.CreateInstance(recordType, 0),
                    SecurityLakeParquet.DemoRegion,
                    SecurityLakeParquet.DemoAccountId
                )
            )
            .Should()
            .Throw<PlatformNotSupportedException>()
            .WithMessage($"{_folder.File("written")}: this needs DuckDB*");
    }

    [Fact]
    public void An_error_other_than_a_load_failure_propagates_and_is_not_kept()
    {
        using var context = new DuckDbMissingContext(() => new InvalidOperationException("resolver failed"));

        var probe = () => context.Get(Engine, nameof(DuckDbEngine.IsAvailable));

        probe.Should().Throw<InvalidOperationException>().WithMessage("resolver failed");
        context.NativeRequests.Should().Equal("duckdb");
        context
            .LibraryType(Engine)
            .GetField("_probed", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)
            .Should()
            .Be(false, "the next use probes again instead of taking the error for a missing library");
    }

    [Fact]
    public void A_csv_read_does_not_fall_back_to_the_dotnet_reader_on_an_error_other_than_a_load_failure()
    {
        using var context = new DuckDbMissingContext(() => new InvalidOperationException("resolver failed"));
        // An event ID with a sign: the fast reader (plain digits only) leaves the file to the SQL path.
        using var folder = new TemporaryFolder();
        string[] lines = File.ReadAllLines(DemoLogons);
        int eventId = Array.IndexOf(lines[0].Split(','), nameof(LogonEvent.EventID));
        string[] first = lines[1].Split(',');
        first[eventId] = "+" + first[eventId];
        lines[1] = string.Join(',', first);
        string signed = folder.Write("Logons.csv", string.Join('\n', lines) + "\n");

        var summarize = () =>
            context.Call(
                "SecurityML.Features.Logons.LogonDailyAggregation",
                nameof(LogonDailyAggregation.SummarizeFile),
                [
                    typeof(string),
                    context.LibraryType(typeof(LoadReport).FullName!),
                    context.LibraryType(typeof(DataReadOptions).FullName!),
                ],
                signed,
                null,
                null
            );

        summarize.Should().Throw<InvalidOperationException>().WithMessage("resolver failed");
    }

    [Fact]
    public void Only_a_missing_library_entry_point_or_bad_image_counts_as_a_load_failure()
    {
        var missing = new DllNotFoundException("no duckdb");

        DuckDbEngine.AsLoadFailure(missing).Should().BeSameAs(missing);
        DuckDbEngine.AsLoadFailure(new EntryPointNotFoundException()).Should().NotBeNull();
        DuckDbEngine.AsLoadFailure(new BadImageFormatException()).Should().NotBeNull();
        DuckDbEngine.AsLoadFailure(new TypeInitializationException("N", missing)).Should().BeSameAs(missing);
        DuckDbEngine.AsLoadFailure(new TypeInitializationException("N", new IOException())).Should().BeNull();
        DuckDbEngine.AsLoadFailure(new TypeInitializationException("N", null)).Should().BeNull();
        DuckDbEngine.AsLoadFailure(new InvalidOperationException()).Should().BeNull();
        DuckDbEngine
            .LoadFailureOf(() => throw new TypeInitializationException("DuckDB.NET.Native.NativeMethods", missing))
            .Should()
            .Be("no duckdb");
        DuckDbEngine.LoadFailureOf(() => { }).Should().BeNull();
        FluentActions
            .Invoking(() => DuckDbEngine.LoadFailureOf(() => throw new OutOfMemoryException("full")))
            .Should()
            .Throw<OutOfMemoryException>();
    }

    // The runtime's own message for the library the context points DuckDB.NET to.
    private static string MissingLibraryError(DuckDbMissingContext context) =>
        FluentActions
            .Invoking(() => NativeLibrary.Load(context.MissingLibrary))
            .Should()
            .Throw<DllNotFoundException>()
            .Which.Message;

    private Type LibraryType<T>() => _context.LibraryType(typeof(T).FullName!);

    // LogonDailyAggregation.SummarizeFile(path, report, options: null) in the context without DuckDB.
    private object SummarizeFile(string path, object? report) =>
        _context.Call(
            "SecurityML.Features.Logons.LogonDailyAggregation",
            nameof(LogonDailyAggregation.SummarizeFile),
            [typeof(string), LibraryType<LoadReport>(), LibraryType<DataReadOptions>()],
            path,
            report,
            null
        )!;

    // The first 400 lines of the demo logons with a row of one field too many (line 11) and one too few (line 21).
    private static string LogonsWithBadRows()
    {
        var lines = File.ReadLines(DemoLogons).Take(400).ToList();
        lines[10] += ",extra";
        lines[20] = lines[20][..lines[20].LastIndexOf(',')];
        return string.Join("\n", lines) + "\n";
    }

    // Every public property of every record, by the record's runtime type (each context has its own types).
    private static string Json(object value) =>
        JsonSerializer.Serialize(value, value.GetType(), new JsonSerializerOptions { WriteIndented = true });

    private static string ReportJson(object report)
    {
        object? Value(object owner, string name) => owner.GetType().GetProperty(name)!.GetValue(owner);
        var dropped = ((IEnumerable)Value(report, nameof(LoadReport.DroppedRows))!)
            .Cast<object>()
            .Select(row =>
                string.Join(
                    " | ",
                    new[] { "FilePath", "LineNumber", "ColumnNumber", "ColumnName", "Reason", "Message" }.Select(name =>
                        Value(row, name)
                    )
                )
            );
        return Json(
            new
            {
                Rows = Value(report, nameof(LoadReport.RowCount)),
                DroppedCount = Value(report, nameof(LoadReport.DroppedRowCount)),
                Dropped = dropped.ToList(),
            }
        );
    }
}
