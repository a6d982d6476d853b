namespace SecurityML.Sentinel;

/// <summary>The data types of a Log Analytics result column, and the .NET type each value is parsed to.</summary>
public enum LogAnalyticsColumnType
{
    /// <summary><c>string</c> → <see cref="string"/>.</summary>
    String,

    /// <summary><c>datetime</c> → UTC <see cref="DateTimeOffset"/>.</summary>
    DateTime,

    /// <summary><c>int</c> → <see cref="int"/>.</summary>
    Int,

    /// <summary><c>long</c> → <see cref="long"/>.</summary>
    Long,

    /// <summary><c>real</c> → <see cref="double"/> (<c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>
    /// included).</summary>
    Real,

    /// <summary><c>bool</c> → <see cref="bool"/>.</summary>
    Bool,

    /// <summary><c>guid</c> → <see cref="Guid"/>.</summary>
    Guid,

    /// <summary><c>dynamic</c> (JSON: arrays, property bags) → <see cref="BinaryData"/> holding the JSON
    /// text.</summary>
    Dynamic,

    /// <summary><c>timespan</c> → <see cref="TimeSpan"/>.</summary>
    TimeSpan,

    /// <summary><c>decimal</c> → <see cref="decimal"/>.</summary>
    Decimal,
}
