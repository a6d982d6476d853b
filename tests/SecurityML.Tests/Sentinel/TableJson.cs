using System.Globalization;
using System.Text.Json;

namespace SecurityML.Tests.Sentinel;

/// <summary>Writes records as a Log Analytics response table, the way the service encodes each column type.</summary>
internal static class TableJson
{
    public static string Response<T>(IEnumerable<T> records, object? error = null)
    {
        var properties = typeof(T).GetProperties().Where(property => property.CanWrite).ToList();
        var table = new
        {
            name = "PrimaryResult",
            columns = properties.Select(property => new
            {
                name = property.Name,
                type = KqlType(property.PropertyType),
            }),
            rows = records.Select(record => properties.Select(property => Encode(property.GetValue(record)))),
        };
        return error is null
            ? JsonSerializer.Serialize(new { tables = new[] { table } })
            : JsonSerializer.Serialize(new { tables = new[] { table }, error });
    }

    public static string KqlType(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => "string",
            var t when t == typeof(DateTimeOffset) || t == typeof(DateOnly) => "datetime",
            var t when t == typeof(int) => "int",
            var t when t == typeof(long) => "long",
            var t when t == typeof(double) => "real",
            var t when t == typeof(bool) => "bool",
            var t when t == typeof(Guid) => "guid",
            var t when t == typeof(TimeSpan) => "timespan",
            var t when t == typeof(decimal) => "decimal",
            _ => "dynamic",
        };

    private static object? Encode(object? value) =>
        value switch
        {
            DateTimeOffset time => time.UtcDateTime.ToString(
                "yyyy-MM-ddTHH:mm:ss.fffffffZ",
                CultureInfo.InvariantCulture
            ),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.0000000Z",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            Guid guid => guid.ToString(),
            _ => value,
        };
}
