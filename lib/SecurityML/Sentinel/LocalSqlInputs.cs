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
    /// (<see cref="LogonDailyAggregation.TrySummarizeCsv"/>: to the tick, or null), or null.</summary>
    public static IReadOnlyList<LogonDailySummary>? DailyLogons(QueryProvider provider, TimeRange range) =>
        CsvFile(provider, DataSets.Logons) is var (path, local)
            ? LogonDailyAggregation.TrySummarizeCsv(path, range, local.LenientReport, local.Options)
            : null;

    private static (string Path, LocalDataProvider Local)? CsvFile(QueryProvider provider, DataSet dataSet) =>
        provider is LocalDataProvider local
        && dataSet.Format == DataFileFormat.Csv
        && File.Exists(local.PathOf(dataSet))
            ? (local.PathOf(dataSet), local)
            : null;
}
