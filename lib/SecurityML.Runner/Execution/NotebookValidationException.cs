using System.Text.RegularExpressions;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>A notebook that cannot run as written; nothing was executed.</summary>
public sealed class NotebookValidationException(string notebookPath, int cellNumber, int line, string problem)
    : Exception($"{notebookPath}, cell {cellNumber}, line {line}: {problem}")
{
    /// <summary>The notebook's path.</summary>
    public string NotebookPath { get; } = notebookPath;

    /// <summary>1-based cell number.</summary>
    public int CellNumber { get; } = cellNumber;

    /// <summary>1-based line within the cell.</summary>
    public int Line { get; } = line;
}
