using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>A notebook file that cannot be read; the message names the file and, where known, the line.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        NotebookPath = path;
    }

    /// <summary>The notebook's path.</summary>
    public string NotebookPath { get; }
}
