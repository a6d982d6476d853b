using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>
/// Typed reads of notebook JSON fields. A field of the wrong type is a <see cref="NotebookFormatException"/> that names
/// the file, the field as a JSON path (<c>cells[3].cell_type</c>, 0-based as in the file), the expected and the
/// received type, never an <see cref="InvalidOperationException"/> from <see cref="JsonNode"/>.
/// </summary>
internal sealed class NotebookJson(string path)
{
    /// <summary>The notebook's path, for messages.</summary>
    public string Path { get; } = path;

    /// <summary>The error for <paramref name="field"/> holding <paramref name="node"/> instead of
    /// <paramref name="expected"/>.</summary>
    public NotebookFormatException WrongType(string field, string expected, JsonNode? node) =>
        new(Path, $"{field}: expected {expected}, received {Describe(node)}");

    /// <summary>The object at <paramref name="field"/>, or null when absent (or JSON null and
    /// <paramref name="nullable"/>).</summary>
    public JsonObject? Object(JsonObject parent, string key, string field, bool nullable = false) =>
        parent[key] switch
        {
            null when nullable || !parent.ContainsKey(key) => null,
            JsonObject value => value,
            var other => throw WrongType(field, "an object", other),
        };

    /// <summary>The array at <paramref name="field"/>, or null when absent.</summary>
    public JsonArray? Array(JsonObject parent, string key, string field) =>
        parent[key] switch
        {
            null when !parent.ContainsKey(key) => null,
            JsonArray value => value,
            var other => throw WrongType(field, "an array", other),
        };

    /// <summary>The string at <paramref name="field"/>, or null when absent or JSON null.</summary>
    public string? String(JsonObject parent, string key, string field) =>
        parent[key] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => throw WrongType(field, "a string", other),
        };

    /// <summary>The whole number at <paramref name="field"/>, or null when absent or JSON null.</summary>
    public int? Integer(JsonObject parent, string key, string field) =>
        parent[key] switch
        {
            null => null,
            JsonValue value
                when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
            var other => throw WrongType(field, "a whole number", other),
        };

    /// <summary>Text stored as nbformat's multiline string: a string or an array of strings (joined).</summary>
    public string Text(JsonNode? node, string field)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>().ReplaceLineEndings("\n");
            case JsonArray lines:
                var text = new System.Text.StringBuilder();
                for (var index = 0; index < lines.Count; index++)
                {
                    text.Append(
                        lines[index] is JsonValue line && line.GetValueKind() == JsonValueKind.String
                            ? line.GetValue<string>()
                            : throw WrongType($"{field}[{index}]", "a string", lines[index])
                    );
                }
                return text.ToString().ReplaceLineEndings("\n");
            default:
                throw WrongType(field, "a string or an array of strings", node);
        }
    }

    /// <summary>How a received value is named in messages: <c>string "4"</c>, <c>number 3</c>, <c>an object</c>,
    /// <c>null</c>.</summary>
    public static string Describe(JsonNode? node)
    {
        const int MaxShown = 40;
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "an object";
            case JsonArray:
                return "an array";
        }
        var value = (JsonValue)node;
        var text = value.ToJsonString();
        if (text.Length > MaxShown)
            text = text[..MaxShown] + "…";
        return value.GetValueKind() switch
        {
            JsonValueKind.String => "string " + text,
            JsonValueKind.Number => "number " + text,
            JsonValueKind.True or JsonValueKind.False => "boolean " + text,
            _ => text.ToString(CultureInfo.InvariantCulture),
        };
    }
}
