using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Code to execute (C# unless <see cref="NotebookCell.Language"/> says otherwise).</summary>
    Code,

    /// <summary>Markdown text.</summary>
    Markdown,

    /// <summary>Raw text, passed through untouched.</summary>
    Raw,
}
