using System.Text.RegularExpressions;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>C# code ready to compile: magic-command lines blanked so that line numbers still match the cell.</summary>
public sealed record PreparedCell(string Code, bool MeasureTime);
