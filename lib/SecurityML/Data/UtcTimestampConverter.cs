using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace SecurityML.Data;

/// <summary>
/// Reads and writes CSV timestamps as UTC <see cref="DateTimeOffset"/> in ISO 8601 with the invariant culture.
/// Writing gives <c>2024-03-04T08:15:30.125Z</c> (trailing zero fractions omitted); reading accepts any ISO 8601
/// form, assumes UTC when no offset is given and converts offsets to UTC.
/// </summary>
internal sealed class UtcTimestampConverter : DefaultTypeConverter
{
    /// <summary>The write format: round-trips every tick, omits zero fractions.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>What a timestamp must look like, for error messages.</summary>
    public const string Expected = "an ISO 8601 UTC timestamp such as 2024-03-04T08:15:30.125Z";

    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>Parses one timestamp; false when the text is not a timestamp.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, Styles, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }
        return false;
    }

    /// <summary>Formats one timestamp in UTC.</summary>
    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override object? ConvertFromString(string? text, IReaderRow row, MemberMapData memberMapData)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }
        throw new TypeConverterException(this, memberMapData, text, row.Context, $"expected {Expected}");
    }

    /// <inheritdoc/>
    public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
        value is DateTimeOffset timestamp ? ToText(timestamp) : base.ConvertToString(value, row, memberMapData);
}
