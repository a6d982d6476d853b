namespace SecurityML.Sentinel;

/// <summary>A column of a <see cref="LogAnalyticsTable"/>.</summary>
/// <param name="Name">The column name, e.g. <c>TimeGenerated</c>.</param>
/// <param name="Type">The column's data type.</param>
public sealed record LogAnalyticsColumn(string Name, LogAnalyticsColumnType Type)
{
    /// <summary>Parses the type name of the REST API (<c>string</c>, <c>datetime</c>, <c>int</c>, <c>long</c>,
    /// <c>real</c>, <c>bool</c>, <c>guid</c>, <c>dynamic</c>, <c>timespan</c>, <c>decimal</c>;
    /// case-insensitive).</summary>
    /// <exception cref="FormatException">When the name is none of these.</exception>
    public static LogAnalyticsColumnType ParseType(string typeName) =>
        typeName?.ToLowerInvariant() switch
        {
            "string" => LogAnalyticsColumnType.String,
            "datetime" or "date" => LogAnalyticsColumnType.DateTime,
            "int" => LogAnalyticsColumnType.Int,
            "long" => LogAnalyticsColumnType.Long,
            "real" or "double" => LogAnalyticsColumnType.Real,
            "bool" or "boolean" => LogAnalyticsColumnType.Bool,
            "guid" or "uniqueid" => LogAnalyticsColumnType.Guid,
            "dynamic" => LogAnalyticsColumnType.Dynamic,
            "timespan" or "time" => LogAnalyticsColumnType.TimeSpan,
            "decimal" => LogAnalyticsColumnType.Decimal,
            _ => throw new FormatException(
                "Unknown column type; expected string, datetime, int, long, real, bool, guid, dynamic, timespan or "
                    + "decimal, "
                    + $"received '{typeName}'."
            ),
        };
}
