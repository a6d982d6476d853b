using System.Collections;

namespace SecurityML.Results;

/// <summary>The column types a data collection rule stream and a custom table accept, and the one each .NET type maps
/// to.</summary>
public static class ResultsColumnTypes
{
    /// <summary>Text (also <see cref="Guid"/>, enums written as text).</summary>
    public const string String = "string";

    /// <summary>32-bit integer (<see cref="int"/>, <see cref="short"/>, <see cref="byte"/>).</summary>
    public const string Int = "int";

    /// <summary>64-bit integer (<see cref="long"/>).</summary>
    public const string Long = "long";

    /// <summary>Double-precision number (<see cref="double"/>, <see cref="float"/>, <see cref="decimal"/>); may hold ±∞
    /// and NaN.</summary>
    public const string Real = "real";

    /// <summary>True/false (<see cref="bool"/>).</summary>
    public const string Boolean = "boolean";

    /// <summary>UTC timestamp (<see cref="DateTimeOffset"/>, <see cref="DateTime"/>, <see cref="DateOnly"/>), ISO 8601
    /// text in JSON.</summary>
    public const string DateTime = "datetime";

    /// <summary>Any JSON value (arrays, objects; the stream type of <see cref="Real"/> columns).</summary>
    public const string Dynamic = "dynamic";

    /// <summary>The column type of a row property of type <paramref name="type"/> (nullable value types as their
    /// underlying type).</summary>
    /// <exception cref="NotSupportedException">For a type with no column type (e.g. <see cref="TimeSpan"/>, enums,
    /// which JSON writes as numbers); the message names the type.</exception>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) || underlying == typeof(Guid) => String,
            _ when underlying == typeof(int) || underlying == typeof(short) || underlying == typeof(byte) => Int,
            _ when underlying == typeof(long) => Long,
            _ when underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal) => Real,
            _ when underlying == typeof(bool) => Boolean,
            _ when underlying == typeof(DateTimeOffset)
                    || underlying == typeof(System.DateTime)
                    || underlying == typeof(DateOnly) => DateTime,
            _ when !underlying.IsEnum && typeof(IEnumerable).IsAssignableFrom(underlying) => Dynamic,
            _ => throw new NotSupportedException(
                $"Expected a results column of type string, Guid, int, long, double, bool, DateTimeOffset, "
                    + $"DateOnly or a collection; received {underlying.FullName}."
            ),
        };
    }
}
