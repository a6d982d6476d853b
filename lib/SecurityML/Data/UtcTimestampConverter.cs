using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace SecurityML.Data;

/// <summary>
/// Reads and writes CSV timestamps as UTC <see cref="DateTimeOffset"/> in ISO 8601 with the invariant culture.
/// Writing gives <c>2024-03-04T08:15:30.125Z</c> (trailing zero fractions omitted). Reading accepts ISO 8601 only
/// (RFC 3339 profile): <c>yyyy-MM-dd</c>, optionally <c>T</c> or a space, <c>HH:mm</c>, <c>:ss</c>, up to 7 fraction
/// digits, then <c>Z</c>, an offset <c>±HH:mm</c>, or nothing. A time without an offset is UTC (Log Analytics exports
/// and pandas write UTC that way); offsets are converted to UTC. <c>03/04/2024</c>, RFC 1123 and other forms are
/// errors unless a format is named (<see cref="DataReadOptions.TimestampFormat"/>).
/// </summary>
internal sealed class UtcTimestampConverter(string? format = null) : DefaultTypeConverter
{
    /// <summary>The write format: round-trips every tick, omits zero fractions.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>What a timestamp must look like, for error messages.</summary>
    public const string Expected =
        "an ISO 8601 timestamp such as 2024-03-04T08:15:30.125Z (UTC when no offset is given)";

    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>What a timestamp must look like with <paramref name="format"/> (null: ISO 8601).</summary>
    public static string ExpectedFor(string? format) =>
        format is null
            ? Expected
            : $"a timestamp in the format '{format}' (invariant culture; UTC when it has no offset)";

    /// <summary>Parses one ISO 8601 timestamp; false when the text is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) => TryParse(text, null, out value);

    /// <summary>Parses one timestamp in <paramref name="format"/> (null: ISO 8601); false when the text does not
    /// match.</summary>
    public static bool TryParse(string? text, string? format, out DateTimeOffset value)
    {
        var parsed = format is null
            ? DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Styles, out value)
            : DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out value);
        if (parsed)
            value = value.ToUniversalTime();
        return parsed;
    }

    /// <summary><see cref="TryParse(string?, out DateTimeOffset)"/> of a character span, as UTC ticks, for fast
    /// readers: the common form (<c>yyyy-MM-dd</c>, <c>T</c> or a space, <c>HH:mm:ss</c>, optionally 1 to 7 fraction
    /// digits, optionally <c>Z</c>) is parsed here without allocating; any other text (an offset, no seconds, a date
    /// alone, or an error) by <see cref="TryParse(string?, out DateTimeOffset)"/> itself.</summary>
    internal static bool TryParseUtcTicks(ReadOnlySpan<char> text, out long ticks)
    {
        int end = text.Length > 0 && text[^1] == 'Z' ? text.Length - 1 : text.Length;
        if (
            end >= 19
            && text[4] == '-'
            && text[7] == '-'
            && text[10] is 'T' or ' '
            && text[13] == ':'
            && text[16] == ':'
            && TryDigits(text[..4], out int year)
            && TryDigits(text[5..7], out int month)
            && TryDigits(text[8..10], out int day)
            && TryDigits(text[11..13], out int hour)
            && TryDigits(text[14..16], out int minute)
            && TryDigits(text[17..19], out int second)
            && year >= 1
            && month is >= 1 and <= 12
            && day >= 1
            && day <= DateTime.DaysInMonth(year, month)
            && hour < 24
            && minute < 60
            && second < 60
            && (end == 19 || end - 20 is >= 1 and <= 7 && text[19] == '.' && TryDigits(text[20..end], out _))
        )
        {
            long fraction = 0;
            for (int index = 20; index < 27; index++)
                fraction = fraction * 10 + (index < end ? text[index] - '0' : 0);
            ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
            return true;
        }
        bool parsed = TryParse(text.ToString(), out DateTimeOffset value);
        ticks = value.UtcTicks;
        return parsed;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char digit in text)
        {
            if (!char.IsAsciiDigit(digit))
                return false;
            value = value * 10 + (digit - '0');
        }
        return true;
    }

    /// <summary>Formats one timestamp in UTC.</summary>
    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override object? ConvertFromString(string? text, IReaderRow row, MemberMapData memberMapData)
    {
        if (TryParse(text, format, out var value))
        {
            return value;
        }
        throw new TypeConverterException(this, memberMapData, text, row.Context, $"expected {ExpectedFor(format)}");
    }

    /// <inheritdoc/>
    public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
        value is DateTimeOffset timestamp ? ToText(timestamp) : base.ConvertToString(value, row, memberMapData);
}
