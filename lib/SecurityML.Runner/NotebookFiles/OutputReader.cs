using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>Reads one nbformat 4 output; the output's JSON is kept in <see cref="CellOutput.Original"/> for writing
/// back.</summary>
internal static class OutputReader
{
    /// <summary>Reads the output at <paramref name="at"/> (a JSON path such as <c>cells[2].outputs[0]</c>).</summary>
    /// <exception cref="NotebookFormatException">A field of the wrong type, or an output type nbformat 4 does not
    /// define.</exception>
    public static CellOutput Read(NotebookJson reader, JsonNode? node, string at)
    {
        if (node is not JsonObject output)
            throw reader.WrongType(at, "an object", node);
        var type = reader.String(output, "output_type", at + ".output_type");
        CellOutput read = type switch
        {
            "stream" => new StreamOutput(
                reader.String(output, "name", at + ".name") ?? "stdout",
                reader.Text(output["text"], at + ".text")
            ),
            "display_data" or "execute_result" => new DisplayOutput(
                Data(reader, output, at),
                IsResult: type == "execute_result"
            ),
            "error" => new ErrorOutput(
                reader.String(output, "ename", at + ".ename") ?? "",
                reader.String(output, "evalue", at + ".evalue") ?? "",
                Traceback(reader, output, at)
            ),
            _ => throw new NotebookFormatException(
                reader.Path,
                $"{at}.output_type: expected stream, display_data, execute_result or error, received "
                    + $"{(type is null ? "none" : $"'{type}'")}"
            ),
        };
        return read with { Original = (JsonObject)output.DeepClone() };
    }

    /// <summary>
    /// The MIME bundle: text types as text; JSON types (<c>application/json</c>, <c>*+json</c>), whose value nbformat
    /// stores as JSON, as their JSON text.
    /// </summary>
    private static Dictionary<string, string> Data(NotebookJson reader, JsonObject output, string at)
    {
        var data = reader.Object(output, "data", at + ".data") ?? [];
        var result = new Dictionary<string, string>();
        foreach (var (mimeType, value) in data)
        {
            result[mimeType] =
                IsJsonMimeType(mimeType) || !IsText(value)
                    ? value?.ToJsonString() ?? "null"
                    : reader.Text(value, $"{at}.data[\"{mimeType}\"]");
        }
        return result;
    }

    /// <summary>nbformat's multiline string: a string or an array of strings.</summary>
    private static bool IsText(JsonNode? value) =>
        value switch
        {
            JsonValue text => text.GetValueKind() == JsonValueKind.String,
            JsonArray lines => lines.All(line => line is JsonValue item && item.GetValueKind() == JsonValueKind.String),
            _ => false,
        };

    private static List<string> Traceback(NotebookJson reader, JsonObject output, string at)
    {
        var lines = reader.Array(output, "traceback", at + ".traceback") ?? [];
        return lines
            .Select(
                (line, index) =>
                    line is JsonValue value && value.GetValueKind() == JsonValueKind.String
                        ? value.GetValue<string>()
                        : throw reader.WrongType($"{at}.traceback[{index}]", "a string", line)
            )
            .ToList();
    }

    /// <summary>True for MIME types whose nbformat value is JSON rather than text.</summary>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mimeType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
