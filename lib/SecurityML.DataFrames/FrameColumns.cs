using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace SecurityML.DataFrames;

/// <summary>Builds one <see cref="DataFrameColumn"/> from a record member's values, by the column-type rules of
/// <see cref="DataFrameConversions.ToDataFrame{T}(IEnumerable{T})"/>.</summary>
internal static class FrameColumns
{
    private static readonly HashSet<Type> Primitive =
    [
        typeof(bool),
        typeof(byte),
        typeof(sbyte),
        typeof(short),
        typeof(ushort),
        typeof(int),
        typeof(uint),
        typeof(long),
        typeof(ulong),
        typeof(float),
        typeof(double),
        typeof(decimal),
        typeof(char),
        typeof(DateTime),
        typeof(TimeSpan),
    ];

    /// <summary>The column's element type for a member of <paramref name="memberType"/>.</summary>
    public static Type ColumnTypeOf(Type memberType)
    {
        var type = Nullable.GetUnderlyingType(memberType) ?? memberType;
        return Primitive.Contains(type) ? type
            : type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? typeof(DateTime)
            : typeof(string);
    }

    /// <summary>A column named <paramref name="name"/> of <paramref name="values"/> (read from members of
    /// <paramref name="memberType"/>; nulls stay null).</summary>
    public static DataFrameColumn Build(string name, Type memberType, IReadOnlyList<object?> values)
    {
        var columnType = ColumnTypeOf(memberType);
        if (columnType == typeof(string))
        {
            return new StringDataFrameColumn(name, values.Select(Text));
        }
        var converted = values.Select(value =>
            value switch
            {
                DateTimeOffset time => time.UtcDateTime,
                DateOnly day => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                DateTime time when time.Kind == DateTimeKind.Local => time.ToUniversalTime(),
                _ => value,
            }
        );
        var build = typeof(FrameColumns)
            .GetMethod(
                nameof(PrimitiveColumn),
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static
            )!
            .MakeGenericMethod(columnType);
        return (DataFrameColumn)build.Invoke(null, [name, converted])!;
    }

    /// <summary>The text a string column holds for a value: strings as they are, enums by name, GUIDs in the
    /// <c>D</c> format, other values as JSON (read back by the conversion to records).</summary>
    public static string? Text(object? value) =>
        value switch
        {
            null => null,
            string text => text,
            Enum named => named.ToString(),
            Guid id => id.ToString("D"),
            IFormattable formattable when value.GetType().IsPrimitive => formattable.ToString(
                null,
                CultureInfo.InvariantCulture
            ),
            _ => JsonSerializer.Serialize(value, value.GetType()),
        };

    private static DataFrameColumn PrimitiveColumn<TValue>(string name, IEnumerable<object?> values)
        where TValue : unmanaged =>
        new PrimitiveDataFrameColumn<TValue>(
            name,
            values.Select(value => value is null ? (TValue?)null : (TValue)value)
        );
}
