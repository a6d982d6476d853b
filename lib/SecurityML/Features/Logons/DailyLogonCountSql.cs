using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.Logons;

/// <summary>
/// <see cref="EntityAggregation.SummarizeByEntityAndDay{T}"/> over logons with <c>Account</c> as entity (as spelled,
/// ordinal) and UTC days, computed by the embedded SQL engine over a Logons file (one <see cref="SqlGroupCount"/>
/// statement): the same rows, values (<see cref="EntityDaySummary.DistinctCount"/> 0) and order (account ordinal,
/// then day) as the .NET path over the same file and time range.
/// </summary>
internal static class DailyLogonCountSql
{
    private static readonly SqlGroupCount Query = new() { Keys = [nameof(LogonEvent.Account)], ByUtcDay = true };

    /// <summary>The summaries of a CSV file's logons in <paramref name="range"/>; null when the .NET reader must read
    /// the file (see <see cref="SqlGroupCount.TryCsv"/>).</summary>
    /// <exception cref="DataFormatException">As <see cref="SqlGroupCount.TryCsv"/>.</exception>
    public static IReadOnlyList<EntityDaySummary>? TrySummarizeCsv(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options
    ) => Query.TryCsv<LogonEvent>(path, range, lenientReport, options) is { } groups ? ToSummaries(groups) : null;

    /// <summary>The summaries of a Parquet file's (or glob's) logons in <paramref name="range"/>.</summary>
    /// <exception cref="DataFormatException">A row without a time.</exception>
    public static IReadOnlyList<EntityDaySummary> SummarizeParquet(string path, TimeRange range) =>
        ToSummaries(Query.Parquet(path, range));

    private static IReadOnlyList<EntityDaySummary> ToSummaries(IEnumerable<SqlGroup> groups) =>
        EntityDaySummary.InEntityDayOrder(
            groups.Select(group => new EntityDaySummary(
                group.Keys[0],
                group.Day!.Value,
                group.Count,
                0,
                group.First,
                group.Last
            ))
        );
}
