using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>
/// Reads Jupyter nbformat 4 notebooks as Polyglot Notebooks writes them. Fields the runner does not own (cell
/// <c>attachments</c>, unknown cell and notebook properties, metadata, output metadata and MIME data of any type)
/// are kept so that <see cref="IpynbWriter"/> writes them back unchanged.
/// </summary>
public static class IpynbReader
{
    /// <summary>Cell properties the runner reads and writes itself; any other property is kept as it is.</summary>
    private static readonly HashSet<string> OwnedCellFields =
    [
        "cell_type",
        "id",
        "metadata",
        "source",
        "outputs",
        "execution_count",
    ];

    /// <summary>Notebook properties the runner writes itself.</summary>
    private static readonly HashSet<string> OwnedNotebookFields = ["cells", "metadata", "nbformat", "nbformat_minor"];

    /// <summary>Parses notebook JSON.</summary>
    /// <exception cref="NotebookFormatException">Invalid JSON, not nbformat 4, or a field of the wrong type; the
    /// message names the file and the field (e.g.
    /// <c>cells[3].cell_type: expected a string, received number 3</c>).</exception>
    public static NotebookDocument Parse(string path, string json)
    {
        var reader = new NotebookJson(path);
        JsonObject root;
        try
        {
            root =
                JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })
                    as JsonObject
                ?? throw new NotebookFormatException(path, "expected a JSON object at the top level");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                path,
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}",
                e
            );
        }
        var nbformat = reader.Integer(root, "nbformat", "nbformat");
        if (nbformat != 4)
        {
            throw new NotebookFormatException(
                path,
                $"nbformat: expected 4, received {(nbformat?.ToString() ?? "none")}"
            );
        }
        reader.Integer(root, "nbformat_minor", "nbformat_minor");
        var metadata = reader.Object(root, "metadata", "metadata") ?? NotebookMetadata.PolyglotDefaults();
        var defaultLanguage = NotebookLanguages.Normalize(
            KernelName(Child(Child(Child(metadata, "polyglot_notebook"), "kernelInfo"), "defaultKernelName"))
        );
        var cells =
            reader.Array(root, "cells", "cells")
            ?? throw new NotebookFormatException(path, "cells: expected an array, received none");
        var parsed = cells.Select((cell, index) => ParseCell(reader, cell, index, defaultLanguage)).ToList();
        var document = new NotebookDocument(path, NotebookFormat.Ipynb, parsed, (JsonObject)metadata.DeepClone());
        foreach (var (key, value) in root.Where(pair => !OwnedNotebookFields.Contains(pair.Key)))
        {
            document.ExtraFields[key] = value?.DeepClone();
        }
        return document;
    }

    private static NotebookCell ParseCell(NotebookJson reader, JsonNode? node, int index, string defaultLanguage)
    {
        var at = $"cells[{index}]";
        if (node is not JsonObject cell)
            throw reader.WrongType(at, "an object", node);
        var cellType = reader.String(cell, "cell_type", at + ".cell_type");
        var kind = cellType switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(
                reader.Path,
                $"{at}.cell_type: expected code, markdown or raw, received "
                    + $"{(cellType is null ? "none" : $"'{cellType}'")}"
            ),
        };
        var metadata = reader.Object(cell, "metadata", at + ".metadata") ?? new JsonObject();
        var language = kind == CellKind.Markdown ? NotebookLanguages.Markdown : LanguageOf(metadata, defaultLanguage);
        var result = new NotebookCell(kind, reader.Text(cell["source"], at + ".source"), language)
        {
            Id = reader.String(cell, "id", at + ".id"),
            Metadata = (JsonObject)metadata.DeepClone(),
        };
        foreach (var (key, value) in cell.Where(pair => !OwnedCellFields.Contains(pair.Key)))
        {
            result.ExtraFields[key] = value?.DeepClone();
        }
        if (result.ExtraFields.ContainsKey("attachments"))
            reader.Object(cell, "attachments", at + ".attachments", nullable: true);
        if (kind == CellKind.Code)
        {
            result.ExecutionCount = reader.Integer(cell, "execution_count", at + ".execution_count");
            var outputs = reader.Array(cell, "outputs", at + ".outputs") ?? [];
            result.Outputs.AddRange(
                outputs.Select((output, number) => OutputReader.Read(reader, output, $"{at}.outputs[{number}]"))
            );
        }
        if (kind == CellKind.Code && FirstLine(result.Source).Trim() is "#!markdown")
        {
            result.Kind = CellKind.Markdown;
            result.Language = NotebookLanguages.Markdown;
            result.Source = RemoveFirstLine(result.Source);
        }
        return result;
    }

    private static string LanguageOf(JsonObject metadata, string defaultLanguage) =>
        NotebookLanguages.Normalize(
            KernelName(Child(Child(metadata, "polyglot_notebook"), "kernelName"))
                ?? KernelName(Child(Child(metadata, "dotnet_interactive"), "language"))
                ?? defaultLanguage
        );

    /// <summary>A kernel name from metadata when it is a string; other types are not ours to judge (metadata is
    /// free-form).</summary>
    private static string? KernelName(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonNode? Child(JsonNode? node, string key) => node is JsonObject parent ? parent[key] : null;

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
