using System.Globalization;

namespace SecurityML.Data;

/// <summary>
/// The folder layout Amazon Security Lake writes for one source:
/// <c>&lt;root&gt;/region=&lt;region&gt;/accountId=&lt;account&gt;/eventDay=&lt;yyyyMMdd&gt;/*.parquet</c> (Hive-style
/// partitions; the day is the UTC date of the events). Finds the Parquet files of the days a time range touches, so
/// the days outside it are never opened.
/// </summary>
internal static class SecurityLakeLayout
{
    /// <summary>The partition folders' name prefixes, in nesting order.</summary>
    public const string RegionPrefix = "region=",
        AccountPrefix = "accountId=",
        DayPrefix = "eventDay=";

    /// <summary>The eventDay format, <c>yyyyMMdd</c>.</summary>
    public const string DayFormat = "yyyyMMdd";

    /// <summary>The Parquet files under <paramref name="root"/> whose eventDay overlaps <paramref name="range"/>,
    /// in ordinal path order (region, account, day, file name).</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="DataFormatException">The root holds no <c>region=…/accountId=…/eventDay=…</c> folder, or an
    /// eventDay folder is not a <c>yyyyMMdd</c> date; the message names the folder.</exception>
    public static IReadOnlyList<string> Files(string root, TimeRange range)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"Security Lake folder not found; expected region=…/accountId=…/eventDay=… folders under '{root}'."
            );
        }
        var days = Subfolders(root, RegionPrefix)
            .SelectMany(region => Subfolders(region, AccountPrefix))
            .SelectMany(account => Subfolders(account, DayPrefix))
            .ToList();
        if (days.Count == 0)
        {
            throw new DataFormatException(
                root,
                0,
                null,
                "no Security Lake partitions; expected folders region=<region>/accountId=<account>/eventDay=<yyyyMMdd> "
                    + "holding .parquet files."
            );
        }
        return days.Where(day => Overlaps(DayOf(day), range))
            .SelectMany(day => Directory.EnumerateFiles(day, "*.parquet").Order(StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The UTC midnight an eventDay folder stands for.</summary>
    /// <exception cref="DataFormatException">The folder name is not <c>eventDay=yyyyMMdd</c>.</exception>
    public static DateTimeOffset DayOf(string dayFolder)
    {
        var text = Path.GetFileName(dayFolder)[DayPrefix.Length..];
        if (
            !DateTime.TryParseExact(
                text,
                DayFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var day
            )
        )
        {
            throw new DataFormatException(
                dayFolder,
                0,
                "eventDay",
                $"expected a date yyyyMMdd such as 20240304, received '{(text.Length <= 40 ? text : text[..40])}'."
            );
        }
        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    /// <summary>The eventDay value of a UTC time, e.g. <c>20240304</c>.</summary>
    public static string DayText(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static bool Overlaps(DateTimeOffset day, TimeRange range) =>
        day < range.End && day.AddDays(1) > range.Start;

    private static IEnumerable<string> Subfolders(string folder, string prefix) =>
        Directory.EnumerateDirectories(folder, prefix + "*").Order(StringComparer.Ordinal);
}
