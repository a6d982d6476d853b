using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>A notebook: its cells and notebook-level metadata.</summary>
public sealed class NotebookDocument
{
    /// <summary>Creates a notebook.</summary>
    public NotebookDocument(
        string path,
        NotebookFormat format,
        IEnumerable<NotebookCell> cells,
        JsonObject? metadata = null
    )
    {
        Path = path;
        Format = format;
        Cells = cells.ToList();
        Metadata = metadata ?? NotebookMetadata.PolyglotDefaults();
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The format it was read from.</summary>
    public NotebookFormat Format { get; }

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>Notebook metadata (kernelspec, language_info, polyglot_notebook).</summary>
    public JsonObject Metadata { get; }

    /// <summary>Top-level properties the runner does not own, as read; written back unchanged.</summary>
    public JsonObject ExtraFields { get; } = new();

    /// <summary>The file name without extension, used to name outputs.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads a .ipynb or .dib file, chosen by extension.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new NotebookFormatException(path, "file not found");
        }
        var text = File.ReadAllText(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Parse(path, text),
            ".dib" => DibReader.Parse(path, text),
            var extension => throw new NotebookFormatException(
                path,
                $"expected a .ipynb or .dib file, received '{extension}'"
            ),
        };
    }
}
