using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>Writes notebooks as nbformat 4.5 JSON (cell ids, outputs), readable by Jupyter and Polyglot.</summary>
public static class IpynbWriter
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="notebook"/>; with <paramref name="includeOutputs"/> false, writes it
    /// clean.</summary>
    public static string Serialize(NotebookDocument notebook, bool includeOutputs = true)
    {
        var cells = new JsonArray();
        var ids = new HashSet<string>();
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            cells.Add(WriteCell(notebook.Cells[index], UniqueId(notebook.Cells[index].Id, index, ids), includeOutputs));
        }
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        AddExtraFields(root, notebook.ExtraFields);
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes the notebook to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(NotebookDocument notebook, string path, bool includeOutputs = true)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Serialize(notebook, includeOutputs));
        File.Move(temporary, path, overwrite: true);
    }

    private static string UniqueId(string? id, int index, HashSet<string> used)
    {
        var candidate = !string.IsNullOrEmpty(id) && IsValidId(id) ? id : $"cell-{index + 1}";
        while (!used.Add(candidate))
        {
            candidate += "-1";
        }
        return candidate;
    }

    private static bool IsValidId(string id) =>
        id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static JsonObject WriteCell(NotebookCell cell, string id, bool includeOutputs)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch
            {
                CellKind.Code => "code",
                CellKind.Markdown => "markdown",
                _ => "raw",
            },
            ["id"] = id,
            ["metadata"] = metadata,
            ["source"] = SourceLines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = includeOutputs ? cell.ExecutionCount : null;
            json["outputs"] = includeOutputs
                ? new JsonArray(cell.Outputs.Select(output => WriteOutput(output, cell.ExecutionCount)).ToArray())
                : new JsonArray();
        }
        AddExtraFields(json, cell.ExtraFields);
        return json;
    }

    /// <summary>Splits text into nbformat's list of lines, each but the last keeping its "\n".</summary>
    public static JsonArray SourceLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..(end + 1)];
            lines.Add(line);
            start += line.Length;
        }
        return lines;
    }

    private static void AddExtraFields(JsonObject json, JsonObject extra)
    {
        foreach (var (key, value) in extra)
        {
            if (!json.ContainsKey(key))
                json[key] = value?.DeepClone();
        }
    }

    private static JsonNode? WriteOutput(CellOutput output, int? executionCount) =>
        output switch
        {
            { Original: { } original } => original.DeepClone(),
            DisplayOutput display => WriteDisplay(display, executionCount),
            StreamOutput stream => new JsonObject
            {
                ["name"] = stream.Name,
                ["output_type"] = "stream",
                ["text"] = SourceLines(stream.Text),
            },
            ErrorOutput error => new JsonObject
            {
                ["ename"] = error.ErrorName,
                ["evalue"] = error.ErrorValue,
                ["output_type"] = "error",
                ["traceback"] = new JsonArray(
                    error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()
                ),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output type"),
        };

    private static JsonNode? TryParseJson(string content)
    {
        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject WriteDisplay(DisplayOutput display, int? executionCount)
    {
        var data = new JsonObject();
        foreach (var (mimeType, content) in display.Data)
        {
            data[mimeType] =
                OutputReader.IsJsonMimeType(mimeType) && TryParseJson(content) is { } parsed
                    ? parsed
                    : SourceLines(content);
        }
        var json = new JsonObject
        {
            ["data"] = data,
            ["metadata"] = new JsonObject(),
            ["output_type"] = display.IsResult ? "execute_result" : "display_data",
        };
        if (display.IsResult)
        {
            json["execution_count"] = executionCount;
        }
        return json;
    }
}
