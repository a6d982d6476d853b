using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>The variables a notebook's <c>parameters</c> cell declares, read with Roslyn's script parser.</summary>
internal static class NotebookParameters
{
    /// <summary>The notebook that shows the data only; it has no detector and no <c>source</c> switch.</summary>
    public const string GettingStarted = "00-getting-started.ipynb";

    /// <summary>Name → initializer text (e.g. <c>"local"</c> with its quotes) of every variable the parameters cell
    /// declares.</summary>
    public static IReadOnlyDictionary<string, string> Declared(string fileName)
    {
        var notebook = NotebookDocument.Load(Path.Combine(RepositoryPaths.Notebooks, fileName));
        var cell = notebook.Cells.Single(c => c.Tags.Contains("parameters"));
        return DeclaredIn(cell.Source);
    }

    /// <summary>Name → initializer text of every variable a parameters cell's <paramref name="source"/>
    /// declares.</summary>
    public static IReadOnlyDictionary<string, string> DeclaredIn(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return tree.GetRoot()
            .DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .ToDictionary(v => v.Identifier.Text, v => v.Initializer?.Value.ToString() ?? "");
    }

    /// <summary>The notebooks whose parameters cell declares <c>source</c>: those that run against a workspace
    /// too.</summary>
    public static IReadOnlyList<string> WithSourceSwitch() =>
        NotebookRunner
            .FindNotebooks(RepositoryPaths.Notebooks)
            .Where(path => Path.GetExtension(path) == ".ipynb")
            .Select(path => Path.GetFileName(path))
            .Where(fileName => Declared(fileName).ContainsKey("source"))
            .ToList();

    /// <summary>Every notebook but <see cref="GettingStarted"/>.</summary>
    public static TheoryData<string> Detectors()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookRunner.FindNotebooks(RepositoryPaths.Notebooks))
        {
            if (Path.GetFileName(path) != GettingStarted)
            {
                data.Add(Path.GetFileName(path));
            }
        }
        return data;
    }
}
