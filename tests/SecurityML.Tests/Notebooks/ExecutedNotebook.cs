using System.Text.Json.Nodes;

namespace SecurityML.Tests.Notebooks;

/// <summary>One output of an executed .ipynb as written by any kernel (nbformat 4: <c>stream</c>,
/// <c>display_data</c>, <c>execute_result</c>, <c>error</c>).</summary>
/// <param name="OutputType">The nbformat <c>output_type</c>.</param>
/// <param name="StreamName"><c>stdout</c> or <c>stderr</c> for a stream; null otherwise.</param>
/// <param name="Text">A stream's text; empty otherwise.</param>
/// <param name="Data">MIME type → content of a display or result; empty otherwise.</param>
/// <param name="ErrorName">An error's <c>ename</c>; null otherwise.</param>
/// <param name="ErrorValue">An error's <c>evalue</c>; null otherwise.</param>
internal sealed record ExecutedOutput(
    string OutputType,
    string? StreamName,
    string Text,
    IReadOnlyDictionary<string, string> Data,
    string? ErrorName,
    string? ErrorValue
)
{
    /// <summary>A <c>display_data</c> or <c>execute_result</c>: a value the cell showed.</summary>
    public bool IsDisplay => OutputType is "display_data" or "execute_result";

    /// <summary>The <c>text/html</c> form of a display, if any.</summary>
    public string? Html => Data.GetValueOrDefault("text/html");

    /// <summary>The <c>text/plain</c> form of a display, if any.</summary>
    public string? PlainText => Data.GetValueOrDefault("text/plain");
}

/// <summary>A cell of an executed notebook.</summary>
/// <param name="Label">"cell N" with N counting from 1 over the committed notebook's cells (markdown included,
/// the injected-parameters cell left out), or "injected-parameters cell".</param>
/// <param name="IsCode">A code cell.</param>
/// <param name="Metadata">The cell's metadata as written.</param>
/// <param name="Outputs">The outputs in the order written.</param>
internal sealed record ExecutedCell(
    string Label,
    bool IsCode,
    JsonObject Metadata,
    IReadOnlyList<ExecutedOutput> Outputs
)
{
    /// <summary>The displayed values (no streams, no errors), in order.</summary>
    public IReadOnlyList<ExecutedOutput> Displays => Outputs.Where(o => o.IsDisplay).ToList();

    /// <summary>All stream text of the cell, stdout and stderr, in the order written.</summary>
    public string StreamText => string.Concat(Outputs.Where(o => o.OutputType == "stream").Select(o => o.Text));
}

/// <summary>An executed .ipynb read back for assertions: cells, labels and outputs.</summary>
internal sealed class ExecutedNotebook
{
    private const string InjectedTag = "injected-parameters";

    private ExecutedNotebook(string path, IReadOnlyList<ExecutedCell> cells)
    {
        Path = path;
        Cells = cells;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<ExecutedCell> Cells { get; }

    /// <summary>The cell labelled <paramref name="label"/>, or null.</summary>
    public ExecutedCell? Cell(string label) => Cells.FirstOrDefault(c => c.Label == label);

    /// <summary>Reads an executed notebook whose writer dropped cell tags (dotnet-repl keeps neither tags nor ids),
    /// labelling its cells by position as in <paramref name="input"/>, the notebook it ran.</summary>
    /// <exception cref="InvalidDataException">The cell counts differ, or a file is not nbformat JSON.</exception>
    public static ExecutedNotebook Load(string path, string input)
    {
        var executed = Load(path);
        var labels = Load(input).Cells.Select(c => c.Label).ToList();
        if (labels.Count != executed.Cells.Count)
        {
            throw new InvalidDataException(
                $"{path} has {executed.Cells.Count} cells, the notebook it ran ({input}) {labels.Count}."
            );
        }
        return new ExecutedNotebook(path, executed.Cells.Select((cell, i) => cell with { Label = labels[i] }).ToList());
    }

    /// <summary>Reads an executed notebook.</summary>
    /// <exception cref="InvalidDataException">The file is not nbformat JSON with a <c>cells</c> array.</exception>
    public static ExecutedNotebook Load(string path)
    {
        var root =
            JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: not a JSON object.");
        var cells = root["cells"] as JsonArray ?? throw new InvalidDataException($"{path}: no cells array.");
        var result = new List<ExecutedCell>();
        var number = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            var metadata = cell["metadata"] as JsonObject ?? new JsonObject();
            var injected = metadata["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == InjectedTag);
            var label = injected ? "injected-parameters cell" : $"cell {++number}";
            var outputs = (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadOutput).ToList();
            result.Add(new ExecutedCell(label, (string?)cell["cell_type"] == "code", metadata, outputs));
        }
        return new ExecutedNotebook(path, result);
    }

    private static ExecutedOutput ReadOutput(JsonObject output)
    {
        var data = new Dictionary<string, string>();
        if (output["data"] is JsonObject bundle)
        {
            foreach (var (mime, content) in bundle)
                data[mime] = Text(content);
        }
        return new ExecutedOutput(
            (string?)output["output_type"] ?? "",
            (string?)output["name"],
            Text(output["text"]),
            data,
            (string?)output["ename"],
            (string?)output["evalue"]
        );
    }

    /// <summary>nbformat multiline text: a string or an array of strings to concatenate.</summary>
    private static string Text(JsonNode? node) =>
        node switch
        {
            null => "",
            JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
}
