using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>The line format of an event stream.</summary>
public enum EventFormat
{
    /// <summary>One JSON object per line.</summary>
    JsonLines,
    /// <summary>CSV with a header line; one event per line (quoted fields may hold commas and doubled quotes, not line breaks).</summary>
    Csv,
}

/// <summary>
/// Turns the lines of an event stream into JSON objects one at a time, so a stream of any length is read in constant
/// memory and a bad line can be reported and skipped. For CSV the first non-blank line is the header and each row
/// becomes an object of strings keyed by it.
/// </summary>
public sealed class EventLineParser(EventFormat format)
{
    private string[]? _header;

    /// <summary>The format parsed.</summary>
    public EventFormat Format { get; } = format;

    /// <summary>The format for a file name: <c>.csv</c> is CSV, anything else JSON Lines.</summary>
    public static EventFormat FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? EventFormat.Csv : EventFormat.JsonLines;

    /// <summary>Parses one line.</summary>
    /// <returns>The event; null for a blank line or the CSV header.</returns>
    /// <exception cref="FormatException">The line is not a JSON object, or not a CSV row matching the header; the
    /// message says why.</exception>
    public JsonObject? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrWhiteSpace(line)) return null;
        return Format == EventFormat.JsonLines ? ParseJson(line) : ParseCsv(line);
    }

    private static JsonObject ParseJson(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new FormatException("expected a JSON object, received another JSON value");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"invalid JSON: {exception.Message}", exception);
        }
    }

    private JsonObject? ParseCsv(string line)
    {
        var fields = SplitCsv(line);
        if (_header is null)
        {
            _header = fields.ToArray();
            return null;
        }
        if (fields.Count != _header.Length)
        {
            throw new FormatException($"expected {_header.Length} fields as in the header, received {fields.Count}");
        }
        var result = new JsonObject();
        for (int index = 0; index < fields.Count; index++) result[_header[index]] = fields[index];
        return result;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int index = 0; index < line.Length; index++)
        {
            char character = line[index];
            if (quoted)
            {
                if (character != '"') field.Append(character);
                else if (index + 1 < line.Length && line[index + 1] == '"') { field.Append('"'); index++; }
                else quoted = false;
            }
            else if (character == '"' && field.Length == 0) quoted = true;
            else if (character == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(character);
        }
        if (quoted) throw new FormatException("unterminated quoted field");
        fields.Add(field.ToString().TrimEnd('\r'));
        return fields;
    }
}
