using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>
/// Reads Polyglot's .dib format: cells separated by lines <c>#!kernelName</c> (csharp, markdown, ...), an optional
/// <c>#!meta</c> block of JSON first. Magic commands such as <c>#!time</c> are not separators and stay in the cell.
/// In .dib (which has no cell tags), a C# cell whose first line is <c>// parameters</c> is the parameters cell.
/// </summary>
public static class DibReader
{
    /// <summary>Kernel names (and aliases) that start a new cell.</summary>
    private static readonly HashSet<string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp",
        "c#",
        "cs",
        "fsharp",
        "f#",
        "fs",
        "pwsh",
        "powershell",
        "markdown",
        "md",
        "html",
        "javascript",
        "js",
        "sql",
        "kql",
        "mermaid",
        "http",
        "value",
        "python",
        "r",
        "meta",
    };

    /// <summary>The first line that marks a .dib C# cell as the parameters cell.</summary>
    public const string ParametersMarker = "// parameters";

    /// <summary>Parses .dib text.</summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not valid JSON.</exception>
    public static NotebookDocument Parse(string path, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var cells = new List<NotebookCell>();
        JsonObject? metadata = null;
        string? kernel = null;
        var kernelLine = 0;
        var body = new List<string>();
        for (var index = 0; index <= lines.Length; index++)
        {
            var separator = index < lines.Length ? SeparatorName(lines[index]) : "";
            if (separator is null)
            {
                body.Add(lines[index]);
                continue;
            }
            var content = Trim(body);
            if (kernel == "meta")
            {
                metadata = ParseMeta(path, content, kernelLine);
            }
            else if (kernel is not null || content.Length > 0)
            {
                cells.Add(MakeCell(content, NotebookLanguages.Normalize(kernel)));
            }
            kernel = separator.ToLowerInvariant();
            kernelLine = index + 1;
            body.Clear();
        }
        return new NotebookDocument(path, NotebookFormat.Dib, cells, ToNotebookMetadata(metadata));
    }

    private static string? SeparatorName(string line)
    {
        if (!line.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }
        var name = line[2..].Trim();
        return name.Length > 0 && !name.Contains(' ') && KernelNames.Contains(name) ? name : null;
    }

    private static NotebookCell MakeCell(string content, string language)
    {
        if (language == NotebookLanguages.Markdown)
        {
            return new NotebookCell(CellKind.Markdown, content, language);
        }
        var cell = new NotebookCell(CellKind.Code, content, language)
        {
            Metadata = NotebookMetadata.CodeCell(language),
        };
        if (content.Split('\n')[0].Trim().Equals(ParametersMarker, StringComparison.OrdinalIgnoreCase))
        {
            cell.AddTag("parameters");
        }
        return cell;
    }

    private static JsonObject ParseMeta(string path, string json, int line)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new NotebookFormatException(path, $"line {line}: expected a JSON object after #!meta");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                path,
                $"line {line + (int)(e.LineNumber ?? 0) + 1}: invalid JSON in #!meta: {e.Message}",
                e
            );
        }
    }

    private static JsonObject ToNotebookMetadata(JsonObject? meta)
    {
        var metadata = NotebookMetadata.PolyglotDefaults();
        if (meta?["kernelInfo"] is JsonObject kernelInfo)
        {
            metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() };
        }
        return metadata;
    }

    private static string Trim(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
            start++;
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
            end--;
        return string.Join("\n", lines.Skip(start).Take(end - start));
    }
}
