using System.Collections;
using System.Globalization;

namespace SecurityML.Display;

/// <summary>
/// The text of one table cell (not yet HTML-encoded), in the invariant culture: numbers with digit grouping and
/// about four significant digits (no trailing zeros), days as <c>yyyy-MM-dd</c>, instants as ISO 8601 UTC.
/// </summary>
internal static class DisplayCellText
{
    private const int MaxItemsInline = 10;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>True for types shown right-aligned: numbers, dates, times and durations (nullable or not).</summary>
    public static bool IsRightAligned(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return IsNumeric(underlying)
            || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(DateOnly)
            || underlying == typeof(TimeOnly)
            || underlying == typeof(TimeSpan);
    }

    /// <summary>How precisely a column shows instants: whole days when every value is a <see cref="DateOnly"/> or
    /// midnight UTC, else seconds, milliseconds or 100-ns ticks, the least that shows every value exactly, so that
    /// a column's timestamps line up.</summary>
    public static InstantPrecision PrecisionOf(IEnumerable<object?> values)
    {
        var precision = InstantPrecision.Day;
        foreach (var value in values)
        {
            var ticks = value switch
            {
                DateTimeOffset time => time.UtcDateTime.TimeOfDay.Ticks,
                DateTime time => Utc(time).TimeOfDay.Ticks,
                _ => 0L,
            };
            var needed =
                ticks == 0 ? InstantPrecision.Day
                : ticks % TimeSpan.TicksPerSecond == 0 ? InstantPrecision.Seconds
                : ticks % TimeSpan.TicksPerMillisecond == 0 ? InstantPrecision.Milliseconds
                : InstantPrecision.Ticks;
            precision = needed > precision ? needed : precision;
        }
        return precision;
    }

    /// <summary>Formats <paramref name="value"/>, showing instants with <paramref name="precision"/>.</summary>
    public static string Format(object? value, string? format, InstantPrecision precision) =>
        value switch
        {
            null => "",
            string text => text,
            DateTimeOffset time => Instant(time.UtcDateTime, "Z", format, precision),
            DateTime time => Instant(Utc(time), time.Kind == DateTimeKind.Unspecified ? "" : "Z", format, precision),
            DateOnly day => day.ToString(format ?? "yyyy-MM-dd", Invariant),
            TimeOnly time => time.ToString(format ?? "HH:mm:ss.FFFFFFF", Invariant),
            TimeSpan span => span.ToString(format ?? "c", Invariant),
            IFormattable formattable when format is not null => formattable.ToString(format, Invariant),
            double number => Number(number),
            float number => Number(number),
            decimal number => Number(number),
            sbyte or byte or short or ushort or int or uint or long or ulong => ((IFormattable)value).ToString(
                "N0",
                Invariant
            ),
            IFormattable formattable => formattable.ToString(null, Invariant),
            IEnumerable items => Inline(items),
            _ => value.ToString() ?? "",
        };

    /// <summary>A floating-point number, grouped, to about four significant digits without trailing zeros
    /// (<c>12,345</c>, <c>0.7559</c>, <c>0.5</c>, <c>12.35</c>, <c>1,235</c>), very small or large ones in E notation
    /// (<c>1.23E-05</c>).</summary>
    public static string Number(double number)
    {
        if (double.IsNaN(number))
            return "NaN";
        if (double.IsInfinity(number))
            return number > 0 ? "∞" : "-∞";
        var magnitude = Math.Abs(number);
        if (magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0))
            return number.ToString("0.###E+00", Invariant);
        return number.ToString(Pattern(magnitude), Invariant);
    }

    private static string Number(decimal number)
    {
        var magnitude = Math.Abs((double)number);
        if (magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0))
            return Number((double)number);
        return number.ToString(Pattern(magnitude), Invariant);
    }

    // Grouped, with up to the decimals that give four significant digits (at most six) and no trailing zeros.
    private static string Pattern(double magnitude) =>
        magnitude == 0 ? "0" : "#,0." + new string('#', Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6));

    private static bool IsNumeric(Type type) =>
        type == typeof(double)
        || type == typeof(float)
        || type == typeof(decimal)
        || type == typeof(int)
        || type == typeof(long)
        || type == typeof(short)
        || type == typeof(byte)
        || type == typeof(uint)
        || type == typeof(ulong)
        || type == typeof(ushort)
        || type == typeof(sbyte);

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    private static string Instant(DateTime utc, string zone, string? format, InstantPrecision precision) =>
        format is not null ? utc.ToString(format, Invariant)
        : precision == InstantPrecision.Day ? utc.ToString("yyyy-MM-dd", Invariant)
        : utc.ToString(
            precision switch
            {
                InstantPrecision.Seconds => "yyyy-MM-dd'T'HH:mm:ss",
                InstantPrecision.Milliseconds => "yyyy-MM-dd'T'HH:mm:ss.fff",
                _ => "yyyy-MM-dd'T'HH:mm:ss.fffffff",
            },
            Invariant
        ) + zone;

    private static string Inline(IEnumerable items)
    {
        var parts = new List<string>();
        foreach (var item in items)
        {
            if (parts.Count == MaxItemsInline)
            {
                parts.Add("…");
                break;
            }
            parts.Add(Format(item, null, InstantPrecision.Ticks));
        }
        return "[" + string.Join(", ", parts) + "]";
    }
}
