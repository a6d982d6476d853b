using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>The on-disk format a notebook was read from.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter nbformat 4 JSON, as Polyglot Notebooks writes it.</summary>
    Ipynb,

    /// <summary>Polyglot's plain-text format with <c>#!csharp</c> / <c>#!markdown</c> separators.</summary>
    Dib,
}
