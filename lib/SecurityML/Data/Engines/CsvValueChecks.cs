using System.Reflection;
using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// SQL conditions that hold for a CSV row (all columns read as text by <see cref="CsvSqlSource"/>) exactly when the
/// .NET reader (<see cref="CsvDataFile"/>) would read it without a problem, or more strictly: DuckDB's own casts accept
/// more than .NET does (<c>1.5</c>, <c>1e3</c> or <c>0x10</c> as an integer, rounding the first; <c>2024-3-4</c>,
/// <c>+0100</c> or a zone name in a timestamp; an unconvertible <c>TIMESTAMPTZ</c> silently becomes NULL), so each
/// typed value must first match the form the .NET converter reads. A row that fails a check is not dropped here: the
/// caller sends the file to the .NET reader, which reports it with line and column.
/// </summary>
internal static class CsvValueChecks
{
    // UtcTimestampConverter's ISO 8601 forms (time optional; seconds, up to 7 fraction digits (or 6 and a 0) and Z or
    // ±HH:mm optional), field ranges as .NET checks them; the calendar (e.g. 30 February) is left to TRY_CAST.
    private static string IsoTimestampPattern(bool microsecondsOnly) =>
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
        + "([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]"
        + (microsecondsOnly ? "(\\.[0-9]{1,6}0?)?)?" : "(\\.[0-9]{1,7})?)?")
        + "(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)?)?";

    /// <summary>The timestamp in <paramref name="column"/> as <c>TIMESTAMPTZ</c> (to the microsecond), or NULL when
    /// the text is not one the .NET reader accepts.</summary>
    public static string Timestamp(string column) =>
        $"CASE WHEN {IsoTimestamp(column)} BETWEEN {Earliest} AND {Latest} THEN TRY_CAST({column} AS TIMESTAMPTZ) END";

    /// <summary>The timestamp in <paramref name="column"/> as <c>TIMESTAMPTZ</c> (to the microsecond), or NULL when
    /// the text is not in the ISO 8601 forms the .NET reader accepts (with <paramref name="microsecondsOnly"/>, also
    /// when a seventh fraction digit is not 0, i.e. when DuckDB would not hold the .NET value exactly); unlike
    /// <see cref="Timestamp"/>, a time outside <see cref="DateTimeOffset"/>'s range (year 0, or an offset that crosses
    /// year 1 or 9999) is not checked: the caller must.</summary>
    public static string IsoTimestamp(string column, bool microsecondsOnly = false) =>
        $"CASE WHEN regexp_full_match({column}, {CsvSqlSource.Quote(IsoTimestampPattern(microsecondsOnly))}) "
        + $"THEN TRY_CAST({column} AS TIMESTAMPTZ) END";

    /// <summary>DateTimeOffset's range in UTC (to the microsecond), as SQL: a time whose offset takes it outside is
    /// an error in .NET.</summary>
    internal const string Earliest = "TIMESTAMPTZ '0001-01-01 00:00:00+00'";

    /// <inheritdoc cref="Earliest"/>
    internal const string Latest = "TIMESTAMPTZ '9999-12-31 23:59:59.999999+00'";

    /// <summary>The 100-ns ticks since the Unix epoch of <paramref name="parsed"/> (the result of
    /// <see cref="Timestamp"/> over <paramref name="column"/>): DuckDB keeps microseconds and drops a seventh fraction
    /// digit, which is added back from the text so times compare and aggregate as .NET's.</summary>
    public static string Ticks(string parsed, string column) =>
        $"epoch_us({parsed}) * 10 + coalesce(TRY_CAST(regexp_extract({column}, '\\.[0-9]{{6}}([0-9])', 1) AS BIGINT), 0)";

    /// <summary>A condition true when every typed column of <typeparamref name="T"/> in <paramref name="columns"/>
    /// holds a value the .NET reader converts and the row is not all empty fields; null when
    /// <typeparamref name="T"/> has a property type these checks do not cover or checks its rows itself
    /// (<see cref="ICheckedRecord"/>): the caller then reads with the .NET reader.</summary>
    /// <param name="columns">The table's columns (<see cref="CsvSqlSource.Columns"/>).</param>
    public static string? RowIsReadable<T>(IReadOnlyList<string> columns)
    {
        if (typeof(ICheckedRecord).IsAssignableFrom(typeof(T)))
            return null;
        var conditions = new List<string>
        {
            "NOT (" + string.Join(" AND ", columns.Select(column => $"{Identifier(column)} = ''")) + ")",
        };
        foreach (PropertyInfo property in typeof(T).GetProperties().Where(property => columns.Contains(property.Name)))
        {
            string column = Identifier(property.Name);
            string? check = property.PropertyType switch
            {
                var type when type == typeof(string) => "",
                var type when type == typeof(int) => Integer(column, "INTEGER", 10),
                var type when type == typeof(long) => Integer(column, "BIGINT", 19),
                var type when type == typeof(DateTimeOffset) => $"{Timestamp(column)} IS NOT NULL",
                _ => null,
            };
            if (check is null)
                return null;
            if (check.Length > 0)
                conditions.Add(check);
        }
        return string.Join(" AND ", conditions);
    }

    /// <summary>.NET's <c>char.IsWhiteSpace</c> set, as <c>string.IsNullOrWhiteSpace</c> and <c>string.Trim()</c>
    /// test it.</summary>
    public const string WhiteSpace =
        "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        + "\u2028\u2029\u202f\u205f\u3000";

    /// <summary>A SQL identifier.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // An optional sign and ASCII digits that fit the type: a subset of what .NET's NumberStyles.Integer reads.
    private static string Integer(string column, string type, int digits) =>
        $"{IntegerValue(column, type, digits)} IS NOT NULL";

    /// <summary>The integer in <paramref name="column"/> (text) as <paramref name="type"/>, or NULL when the text is
    /// not one the .NET reader converts (digits with an optional sign, in range; DuckDB's cast alone also takes
    /// <c>4624.0</c>, <c>4_624</c> and <c>0x1210</c>).</summary>
    public static string IntegerValue(string column, string type = "INTEGER", int digits = 10) =>
        $"TRY_CAST(CASE WHEN regexp_full_match({column}, '[+-]?[0-9]{{1,{digits}}}') THEN {column} END AS {type})";
}
