using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>A cell that failed: where (as the user sees it) and why.</summary>
/// <param name="CellIndex">0-based index in the executed notebook.</param>
/// <param name="Location">e.g. "cell 4, line 2" or "injected-parameters cell".</param>
/// <param name="Message">The compile or runtime error.</param>
public sealed record CellFailure(int CellIndex, string Location, string Message);
