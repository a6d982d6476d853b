using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// The local branch of <see cref="DetectorInputs"/> when the provider is a <see cref="LocalDataProvider"/> whose data
/// set is a CSV file: the aggregate runs as one SQL statement in the embedded engine instead of a record per event,
/// with the provider's <see cref="LocalDataProvider.LenientReport"/> and <see cref="LocalDataProvider.Options"/>, so
/// strict and lenient reading (rows read and dropped, errors) behave as the .NET path. Null when the .NET path must
/// run: another provider, a data set stored otherwise, a missing file (the .NET path names it), or a file the SQL
/// path leaves to the .NET reader.
/// </summary>
internal static class LocalSqlInputs
{
    /// <summary><see cref="DetectorInputs.ShareAccessCounts"/> by SQL, or null.</summary>
    public static IReadOnlyList<ShareAccessSummary>? ShareAccessCounts(QueryProvider provider, TimeRange range) =>
        CsvFile(provider, DataSets.FileShareAccess) is var (path, local)
            ? ShareAccessSql.TrySummarizeCsv(path, range, local.LenientReport, local.Options)
            : null;

    /// <summary><see cref="DetectorInputs.DailyShareAccess"/> by SQL, or null.</summary>
    public static IReadOnlyList<DailyShareAccess>? DailyShareAccess(QueryProvider provider, TimeRange range) =>
        CsvFile(provider, DataSets.FileShareAccess) is var (path, local)
            ? DailyShareAccessSql.TrySummarizeCsv(path, range, local.LenientReport, local.Options)
            : null;

    /// <summary><see cref="DetectorInputs.DailyLogonCounts"/> by SQL, or null.</summary>
    public static IReadOnlyList<EntityDaySummary>? DailyLogonCounts(QueryProvider provider, TimeRange range) =>
        CsvFile(provider, DataSets.Logons) is var (path, local)
            ? DailyLogonCountSql.TrySummarizeCsv(path, range, local.LenientReport, local.Options)
            : null;

    /// <summary><see cref="DetectorInputs.DailyLogons"/> by SQL
    /// (<see cref="LogonDailyAggregation.SummarizeFile(string, TimeRange, LoadReport?, DataReadOptions?)"/>), or null.
    /// That statement works to the microsecond and with DuckDB's casts, so it runs only when both give what the .NET
    /// path gives: range ends on whole microseconds and a file whose values DuckDB reads as .NET does
    /// (<see cref="CsvValueChecks.ReadsAsDotNetToTheMicrosecond{T}"/>, one more scan of the file).</summary>
    public static IReadOnlyList<LogonDailySummary>? DailyLogons(QueryProvider provider, TimeRange range) =>
        CsvFile(provider, DataSets.Logons) is var (path, local)
        && OnWholeMicroseconds(range)
        && CsvValueChecks.ReadsAsDotNetToTheMicrosecond<LogonEvent>(
            path,
            local.Options,
            nameof(LogonEvent.TimeGenerated)
        )
            ? LogonDailyAggregation.SummarizeFile(path, range, local.LenientReport, local.Options)
            : null;

    private static bool OnWholeMicroseconds(TimeRange range) =>
        range.Start.UtcTicks % 10 == 0 && (range.End == DateTimeOffset.MaxValue || range.End.UtcTicks % 10 == 0);

    private static (string Path, LocalDataProvider Local)? CsvFile(QueryProvider provider, DataSet dataSet) =>
        provider is LocalDataProvider local
        && dataSet.Format == DataFileFormat.Csv
        && File.Exists(local.PathOf(dataSet))
            ? (local.PathOf(dataSet), local)
            : null;
}
