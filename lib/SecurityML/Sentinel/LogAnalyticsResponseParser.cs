using System.Globalization;
using System.Text.Json;

namespace SecurityML.Sentinel;

/// <summary>
/// Parses the JSON body of a Log Analytics query response (<c>{"tables": [{"name", "columns": [{"name", "type"}],
/// "rows": [[...]]}], "error": {...}}</c>) into typed tables. Values follow <see cref="LogAnalyticsColumnType"/>.
/// </summary>
public static class LogAnalyticsResponseParser
{
    /// <summary>Parses a response body.</summary>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <exception cref="FormatException">When the body or a value does not have the documented shape; the message names
    /// the table, row and column.</exception>
    public static LogAnalyticsQueryResult Parse(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = ParseDocument(body);
        var root = document.RootElement;
        var tables = new List<LogAnalyticsTable>();
        if (root.TryGetProperty("tables", out var tablesElement) && tablesElement.ValueKind == JsonValueKind.Array)
        {
            tables.AddRange(tablesElement.EnumerateArray().Select(ParseTable));
        }
        var error =
            root.TryGetProperty("error", out var errorElement) && errorElement.ValueKind == JsonValueKind.Object
                ? ParseError(errorElement)
                : null;
        return new LogAnalyticsQueryResult(tables, error, body.ToMemory().Length);
    }

    /// <summary>Parses a service error object
    /// (<c>{"code", "message", "details": [...], "innererror": {...}}</c>).</summary>
    public static LogAnalyticsQueryError ParseError(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var codeElement) ? codeElement.ToString() : "";
        var message = error.TryGetProperty("message", out var messageElement) ? messageElement.ToString() : "";
        var details = new List<LogAnalyticsQueryError>();
        if (error.TryGetProperty("details", out var detailsElement) && detailsElement.ValueKind == JsonValueKind.Array)
        {
            details.AddRange(
                detailsElement.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object).Select(ParseError)
            );
        }
        if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            details.Add(ParseError(inner));
        }
        return new LogAnalyticsQueryError(code, message, details);
    }

    private static JsonDocument ParseDocument(BinaryData body)
    {
        try
        {
            return JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException exception)
        {
            throw new FormatException("The query response is not JSON; expected {\"tables\": [...]}.", exception);
        }
    }

    private static LogAnalyticsTable ParseTable(JsonElement table)
    {
        var name = table.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? "" : "";
        var columns = table
            .GetProperty("columns")
            .EnumerateArray()
            .Select(column => new LogAnalyticsColumn(
                column.GetProperty("name").GetString() ?? "",
                LogAnalyticsColumn.ParseType(column.GetProperty("type").GetString() ?? "")
            ))
            .ToList();
        var rows = new List<object?[]>();
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            var values = new object?[columns.Count];
            var index = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (index >= columns.Count)
                {
                    throw new FormatException(
                        $"Table '{name}' row {rows.Count} has more values than its {columns.Count} columns."
                    );
                }
                values[index] = ParseValue(cell, columns[index], name, rows.Count);
                index++;
            }
            if (index != columns.Count)
            {
                throw new FormatException(
                    $"Table '{name}' row {rows.Count} has {index} values; expected {columns.Count}."
                );
            }
            rows.Add(values);
        }
        return new LogAnalyticsTable(name, columns, rows);
    }

    private static object? ParseValue(JsonElement cell, LogAnalyticsColumn column, string table, int row)
    {
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            return ParseNonNull(cell, column.Type);
        }
        catch (Exception exception)
            when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException(
                $"Table '{table}' row {row} column '{column.Name}': expected a {column.Type} value, received "
                    + $"{Preview(cell)}.",
                exception
            );
        }
    }

    private static object ParseNonNull(JsonElement cell, LogAnalyticsColumnType type) =>
        type switch
        {
            LogAnalyticsColumnType.String => cell.ValueKind == JsonValueKind.String
                ? cell.GetString()!
                : cell.GetRawText(),
            LogAnalyticsColumnType.DateTime => DateTimeOffset.Parse(
                cell.GetString()!,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            ),
            LogAnalyticsColumnType.Int => cell.ValueKind == JsonValueKind.String
                ? int.Parse(cell.GetString()!, CultureInfo.InvariantCulture)
                : cell.GetInt32(),
            LogAnalyticsColumnType.Long => cell.ValueKind == JsonValueKind.String
                ? long.Parse(cell.GetString()!, CultureInfo.InvariantCulture)
                : cell.GetInt64(),
            LogAnalyticsColumnType.Real => cell.ValueKind == JsonValueKind.String
                ? double.Parse(cell.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : cell.GetDouble(),
            LogAnalyticsColumnType.Bool => cell.ValueKind == JsonValueKind.String
                ? ParseBool(cell.GetString()!)
                : cell.GetBoolean(),
            LogAnalyticsColumnType.Guid => Guid.Parse(cell.GetString()!),
            LogAnalyticsColumnType.Dynamic => cell.ValueKind == JsonValueKind.String
                ? BinaryData.FromString(cell.GetString()!)
                : BinaryData.FromString(cell.GetRawText()),
            LogAnalyticsColumnType.TimeSpan => TimeSpan.Parse(cell.GetString()!, CultureInfo.InvariantCulture),
            LogAnalyticsColumnType.Decimal => cell.ValueKind == JsonValueKind.String
                ? decimal.Parse(cell.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : cell.GetDecimal(),
            _ => throw new FormatException($"Unsupported column type {type}."),
        };

    private static bool ParseBool(string text) =>
        text switch
        {
            "1" => true,
            "0" => false,
            _ => bool.Parse(text),
        };

    private static string Preview(JsonElement cell)
    {
        var text = cell.GetRawText();
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
