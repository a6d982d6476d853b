using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>One cell of a notebook, as read from .ipynb or .dib, plus the outputs of its execution.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellKind kind, string source, string language = NotebookLanguages.CSharp)
    {
        Kind = kind;
        Source = source;
        Language = language;
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; set; }

    /// <summary>The cell's text with "\n" line endings.</summary>
    public string Source { get; set; }

    /// <summary>The kernel name of a code cell ("csharp", "fsharp", "html", ...); "markdown" for markdown
    /// cells.</summary>
    public string Language { get; set; }

    /// <summary>The nbformat 4.5 cell id.</summary>
    public string? Id { get; set; }

    /// <summary>The cell's metadata as read (tags, polyglot_notebook, ...); written back unchanged.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>
    /// Cell properties the runner does not own (nbformat's <c>attachments</c>, properties of later nbformat 4.x
    /// versions or other tools), as read; written back unchanged by run and clean.
    /// </summary>
    public JsonObject ExtraFields { get; } = new();

    /// <summary>The markdown cell's attachments (name → MIME bundle of base64 data), or null if it has none.</summary>
    public JsonObject? Attachments => ExtraFields["attachments"] as JsonObject;

    /// <summary>Outputs produced by the last execution.</summary>
    public List<CellOutput> Outputs { get; } = new();

    /// <summary>The 1-based execution count, or null if the cell did not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Cell tags (papermill style: "parameters", "injected-parameters").</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>Adds a tag to the cell's metadata.</summary>
    public void AddTag(string tag)
    {
        if (Metadata["tags"] is not JsonArray tags)
        {
            tags = new JsonArray();
            Metadata["tags"] = tags;
        }
        tags.Add(tag);
    }
}
