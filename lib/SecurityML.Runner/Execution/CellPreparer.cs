using System.Text.RegularExpressions;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Checks a cell before anything runs and strips the magic commands the runner supports (<c>#!csharp</c>,
/// <c>#!time</c>). Any other <c>#!</c> command, <c>#r "nuget:..."</c>, <c>#i</c> or a non-C# kernel is an error that
/// names the notebook, cell and line and says what to do instead.
/// </summary>
public static partial class CellPreparer
{
    private static readonly HashSet<string> CSharpAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp",
        "c#",
        "cs",
    };

    /// <summary>Prepares a C# cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="cellNumber">1-based position in the notebook (markdown cells count), as editors show it.</param>
    /// <param name="notebookPath">Used in error messages.</param>
    /// <exception cref="NotebookValidationException">Unsupported magic, package directive or kernel.</exception>
    public static PreparedCell Prepare(NotebookCell cell, int cellNumber, string notebookPath)
    {
        if (cell.Language != NotebookLanguages.CSharp)
        {
            throw new NotebookValidationException(
                notebookPath,
                cellNumber,
                1,
                $"the cell uses the '{cell.Language}' kernel; secml runs C# cells (and renders markdown and html "
                    + $"cells). Rewrite the cell in C#."
            );
        }
        var lines = cell.Source.Split('\n');
        var measureTime = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line[2..].Split(' ', 2)[0];
                if (name.Equals("time", StringComparison.OrdinalIgnoreCase))
                    measureTime = true;
                else if (!CSharpAliases.Contains(name))
                    throw UnsupportedMagic(notebookPath, cellNumber, index + 1, line);
                lines[index] = "";
            }
            else if (NuGetReference().IsMatch(line))
            {
                throw new NotebookValidationException(
                    notebookPath,
                    cellNumber,
                    index + 1,
                    $"'{line}': secml cannot restore NuGet packages. Reference the built library by path instead, "
                        + $"e.g. #r \"../artifacts/lib/SecurityML.dll\" (dotnet build puts it there)."
                );
            }
            else if (line.StartsWith("#i ", StringComparison.Ordinal))
            {
                throw new NotebookValidationException(
                    notebookPath,
                    cellNumber,
                    index + 1,
                    $"'{line}': package sources (#i) are not supported by secml; reference assemblies by path with "
                        + $"#r \"path.dll\"."
                );
            }
        }
        return new PreparedCell(string.Join("\n", lines), measureTime);
    }

    private static NotebookValidationException UnsupportedMagic(string path, int cell, int line, string text) =>
        new(
            path,
            cell,
            line,
            $"the magic command '{text}' is not supported by secml (supported: #!csharp, #!markdown, #!time). Use "
                + $"plain C# calls into the library instead."
        );

    [GeneratedRegex("^#r\\s+\"nuget:", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();
}
