using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.Notebooks;

/// <summary>Reads Jupyter nbformat 4 notebooks as Polyglot Notebooks writes them.</summary>
public static class IpynbReader
{
    /// <summary>Parses notebook JSON.</summary>
    /// <exception cref="NotebookFormatException">Invalid JSON, not nbformat 4, or a malformed cell.</exception>
    public static NotebookDocument Parse(string path, string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
                ?? throw new NotebookFormatException(path, "expected a JSON object at the top level");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path,
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
        var nbformat = root["nbformat"]?.GetValue<int>();
        if (nbformat != 4)
        {
            throw new NotebookFormatException(path, $"expected nbformat 4, received {(nbformat?.ToString() ?? "none")}");
        }
        var metadata = root["metadata"] as JsonObject ?? NotebookMetadata.PolyglotDefaults();
        var defaultLanguage = NotebookLanguages.Normalize(
            metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>());
        if (root["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "expected a 'cells' array");
        }
        var parsed = cells.Select((cell, index) => ParseCell(path, cell, index + 1, defaultLanguage));
        return new NotebookDocument(path, NotebookFormat.Ipynb, parsed, (JsonObject)metadata.DeepClone());
    }

    private static NotebookCell ParseCell(string path, JsonNode? node, int number, string defaultLanguage)
    {
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException(path, $"cell {number}: expected a JSON object");
        }
        var cellType = cell["cell_type"]?.GetValue<string>();
        var kind = cellType switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(path,
                $"cell {number}: expected cell_type code, markdown or raw, received '{cellType}'"),
        };
        var metadata = cell["metadata"] as JsonObject ?? new JsonObject();
        var language = kind == CellKind.Markdown ? NotebookLanguages.Markdown : LanguageOf(metadata, defaultLanguage);
        var result = new NotebookCell(kind, ReadSource(path, cell["source"], number), language)
        {
            Id = cell["id"]?.GetValue<string>(),
            Metadata = (JsonObject)metadata.DeepClone(),
        };
        if (kind == CellKind.Code)
        {
            result.ExecutionCount = cell["execution_count"] is JsonValue count && count.TryGetValue<int>(out var executionCount) ? executionCount : null;
            result.Outputs.AddRange(ReadOutputs(path, cell["outputs"], number));
        }
        if (kind == CellKind.Code && FirstLine(result.Source).Trim() is "#!markdown")
        {
            result.Kind = CellKind.Markdown;
            result.Language = NotebookLanguages.Markdown;
            result.Source = RemoveFirstLine(result.Source);
        }
        return result;
    }

    private static IEnumerable<CellOutput> ReadOutputs(string path, JsonNode? outputs, int number)
    {
        foreach (var output in outputs as JsonArray ?? [])
        {
            var type = output?["output_type"]?.GetValue<string>();
            yield return type switch
            {
                "stream" => new StreamOutput(output!["name"]?.GetValue<string>() ?? "stdout", ReadSource(path, output["text"], number)),
                "display_data" or "execute_result" => new DisplayOutput(
                    (output!["data"] as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => ReadSource(path, pair.Value, number)),
                    IsResult: type == "execute_result"),
                "error" => new ErrorOutput(output!["ename"]?.GetValue<string>() ?? "", output["evalue"]?.GetValue<string>() ?? "",
                    (output["traceback"] as JsonArray ?? []).Select(line => line?.GetValue<string>() ?? "").ToList()),
                _ => throw new NotebookFormatException(path, $"cell {number}: unknown output_type '{type}'"),
            };
        }
    }

    private static string LanguageOf(JsonObject metadata, string defaultLanguage) =>
        NotebookLanguages.Normalize(
            metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? metadata["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? defaultLanguage);

    private static string ReadSource(string path, JsonNode? source, int number) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")).ReplaceLineEndings("\n"),
        JsonValue value when value.TryGetValue<string>(out var text) => text.ReplaceLineEndings("\n"),
        _ => throw new NotebookFormatException(path, $"cell {number}: expected 'source' to be a string or an array of strings"),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private static string RemoveFirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? "" : text[(end + 1)..];
    }
}
