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
