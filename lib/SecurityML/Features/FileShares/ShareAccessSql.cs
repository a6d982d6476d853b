using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.FileShares;

/// <summary>
/// <see cref="ShareAccessSummary.Summarize"/> computed by the embedded SQL engine over a FileShareAccess file (one
/// <see cref="SqlGroupCount"/> statement): the same rows (events with an account and a share, grouped as spelled),
/// values and order as the .NET path over the same file and time range.
/// </summary>
internal static class ShareAccessSql
{
    private static readonly SqlGroupCount Query = new()
    {
        Keys = [nameof(FileShareAccessEvent.Account), nameof(FileShareAccessEvent.ShareName)],
        Filter = "\"Account\" <> '' AND \"ShareName\" <> ''",
    };

    /// <summary>The summaries of a CSV file's events in <paramref name="range"/>; null when the .NET reader must
    /// read the file (see <see cref="SqlGroupCount.TryCsv"/>).</summary>
    /// <exception cref="DataFormatException">As <see cref="SqlGroupCount.TryCsv"/>.</exception>
    public static IReadOnlyList<ShareAccessSummary>? TrySummarizeCsv(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options
    ) =>
        Query.TryCsv<FileShareAccessEvent>(path, range, lenientReport, options) is { } groups
            ? ToSummaries(groups)
            : null;

    /// <summary>The summaries of a Parquet file's (or glob's) events in <paramref name="range"/>.</summary>
    /// <exception cref="DataFormatException">A row without a time.</exception>
    public static IReadOnlyList<ShareAccessSummary> SummarizeParquet(string path, TimeRange range) =>
        ToSummaries(Query.Parquet(path, range));

    private static IReadOnlyList<ShareAccessSummary> ToSummaries(IEnumerable<SqlGroup> groups) =>
        ShareAccessSummary.Order(
            groups.Select(group => new ShareAccessSummary
            {
                Account = group.Keys[0],
                ShareName = group.Keys[1],
                Count = group.Count,
                FirstSeen = group.First,
                LastSeen = group.Last,
            })
        );
}
