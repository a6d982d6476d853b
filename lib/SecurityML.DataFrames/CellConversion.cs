using System.Globalization;
using System.Text.Json;
using SecurityML.Data;

namespace SecurityML.DataFrames;

/// <summary>Converts one frame cell to a record member's type, or says why it cannot (the caller adds the frame,
/// column and row). Numbers must fit the member exactly: 4624.0 reads as an <c>int</c>, 4624.5 does not.</summary>
internal static class CellConversion
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>; returns false with the expected form
    /// in <paramref name="expected"/> when it cannot.</summary>
    public static bool TryConvert(object value, Type target, out object? result, out string expected)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        expected = Expected(type);
        result = null;
        try
        {
            result = Convert(value, type);
        }
        catch (Exception e)
            when (e
                    is FormatException
                        or OverflowException
                        or InvalidCastException
                        or JsonException
                        or ArgumentException
                        or NotSupportedException
            )
        {
            return false;
        }
        return result is not null;
    }

    private static object? Convert(object value, Type type)
    {
        if (type.IsInstanceOfType(value) && type != typeof(DateTime) && type != typeof(DateTimeOffset))
            return value;
        if (type == typeof(string))
            return FrameColumns.Text(value is DateTime time ? UtcTimestampConverter.ToText(AsUtc(time)) : value);
        if (type == typeof(DateTimeOffset))
            return ToInstant(value);
        if (type == typeof(DateTime))
            return ToInstant(value)?.UtcDateTime;
        if (type == typeof(DateOnly))
            return ToInstant(value) is { } instant ? DateOnly.FromDateTime(instant.UtcDateTime) : null;
        if (value is string text)
            return FromText(text, type);
        if (type.IsEnum)
            return IsInteger(value.GetType()) ? Enum.ToObject(type, value) : null;
        if (IsInteger(type))
            return ToInteger(value, type);
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return value is bool or DateTime or TimeSpan or char
                ? null
                : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static object? FromText(string text, Type type)
    {
        if (type.IsEnum)
            return Enum.IsDefined(type, text) ? Enum.Parse(type, text) : null;
        if (type == typeof(Guid))
            return Guid.ParseExact(text, "D");
        if (type == typeof(TimeSpan))
            return TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture);
        if (type == typeof(bool))
            return bool.Parse(text);
        if (IsInteger(type) || type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        return type.IsPrimitive ? null : JsonSerializer.Deserialize(text, type);
    }

    private static DateTimeOffset? ToInstant(object value) =>
        value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime time => new DateTimeOffset(AsUtc(time)),
            string text when UtcTimestampConverter.TryParse(text, out var parsed) => parsed,
            _ => null,
        };

    // A DateTime without a kind is UTC (as Log Analytics exports and pandas write it); a local one is converted.
    private static DateTime AsUtc(DateTime time) =>
        time.Kind switch
        {
            DateTimeKind.Local => time.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => time,
        };

    private static object? ToInteger(object value, Type type)
    {
        switch (value)
        {
            case double or float or decimal:
                var number = System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return decimal.Truncate(number) == number
                    ? System.Convert.ChangeType(number, type, CultureInfo.InvariantCulture)
                    : null;
            case bool or DateTime or TimeSpan or char:
                return null;
            default:
                return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int)
        || type == typeof(long)
        || type == typeof(short)
        || type == typeof(byte)
        || type == typeof(uint)
        || type == typeof(ulong)
        || type == typeof(ushort)
        || type == typeof(sbyte);

    /// <summary>What a value of <paramref name="type"/> must look like, for error messages.</summary>
    public static string Expected(Type type) =>
        type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly)
            ? UtcTimestampConverter.Expected
        : IsInteger(type) ? $"a whole number that fits {type.Name}"
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
        : type == typeof(TimeSpan) ? "a time span such as 01:30:00"
        : type == typeof(string) ? "text"
        : type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid) ? $"a {type.Name}"
        : $"the JSON of a {type.Name}";
}
