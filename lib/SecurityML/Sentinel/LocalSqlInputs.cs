using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// The local branch of <see cref="DetectorInputs"/> when the provider is a <see cref="LocalDataProvider"/> whose data
/// set is a CSV file: the aggregate runs as one SQL statement in the embedded engine (the daily logon summaries first
/// by the Sep reader, <see cref="LogonDailyCsv"/>) instead of a record per event,
/// with the provider's <see cref="LocalDataProvider.LenientReport"/> and <see cref="LocalDataProvider.Options"/>, so
/// strict and lenient reading (rows read and dropped, errors) behave as the .NET path. Null when the .NET path must
/// run: another provider, a data set stored otherwise, a missing file (the .NET path names it), or a file the SQL
/// path leaves to the .NET reader.
/// </summary>
internal static class LocalSqlInputs
{
    /// <summary><see cref="DetectorInputs.ShareAccessCounts"/> by SQL, or null.</summary>
    public static IReadOnlyList<ShareAccessSummary>? ShareAccessCounts(QueryProvider provider, TimeRange range) =>
        Run(provider, DataSets.FileShareAccess, range, ShareAccessSql.TrySummarizeCsv);

    /// <summary><see cref="DetectorInputs.DailyShareAccess"/> by SQL, or null.</summary>
    public static IReadOnlyList<DailyShareAccess>? DailyShareAccess(QueryProvider provider, TimeRange range) =>
        Run(provider, DataSets.FileShareAccess, range, DailyShareAccessSql.TrySummarizeCsv);

    /// <summary><see cref="DetectorInputs.DailyLogonCounts"/> by SQL, or null.</summary>
    public static IReadOnlyList<EntityDaySummary>? DailyLogonCounts(QueryProvider provider, TimeRange range) =>
        Run(provider, DataSets.Logons, range, DailyLogonCountSql.TrySummarizeCsv);

    /// <summary><see cref="DetectorInputs.DailyLogons"/> by the Sep reader or SQL
    /// (<see cref="LogonDailyAggregation.TrySummarizeCsv"/>: to the tick, or null), or null.</summary>
    public static IReadOnlyList<LogonDailySummary>? DailyLogons(QueryProvider provider, TimeRange range) =>
        Run(provider, DataSets.Logons, range, LogonDailyAggregation.TrySummarizeCsv);

    // The statement over the data set's CSV file with the provider's lenient report and read options; null for
    // another provider, another format or a missing file.
    private static IReadOnlyList<T>? Run<T>(
        QueryProvider provider,
        DataSet dataSet,
        TimeRange range,
        Func<string, TimeRange, LoadReport?, DataReadOptions?, IReadOnlyList<T>?> summarize
    ) =>
        provider is LocalDataProvider local
        && dataSet.Format == DataFileFormat.Csv
        && local.PathOf(dataSet) is var path
        && File.Exists(path)
            ? summarize(path, range, local.LenientReport, local.Options)
            : null;
}
