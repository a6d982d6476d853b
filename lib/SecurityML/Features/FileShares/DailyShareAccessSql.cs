using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.FileShares;

/// <summary>
/// <see cref="DailyShareAccess.Summarize"/> computed by the embedded SQL engine over a FileShareAccess file (one
/// <see cref="SqlGroupCount"/> statement by account, share and UTC day): the same rows (every event, an empty name
/// grouped as empty), values and order as the .NET path over the same file and time range.
/// </summary>
internal static class DailyShareAccessSql
{
    private static readonly SqlGroupCount Query = new()
    {
        Keys = [nameof(FileShareAccessEvent.Account), nameof(FileShareAccessEvent.ShareName)],
        ByUtcDay = true,
    };

    /// <summary>The rows of a CSV file's events in <paramref name="range"/>; null when the .NET reader must read the
    /// file (see <see cref="SqlGroupCount.TryCsv"/>).</summary>
    /// <exception cref="DataFormatException">As <see cref="SqlGroupCount.TryCsv"/>.</exception>
    public static IReadOnlyList<DailyShareAccess>? TrySummarizeCsv(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options
    ) =>
        Query.TryCsv<FileShareAccessEvent>(path, range, lenientReport, options) is { } groups
            ? DailyShareAccess.Order(
                groups.Select(group => new DailyShareAccess
                {
                    Account = group.Keys[0],
                    ShareName = group.Keys[1],
                    Day = group.Day!.Value,
                    Count = group.Count,
                    FirstSeen = group.First,
                    LastSeen = group.Last,
                })
            )
            : null;
}
