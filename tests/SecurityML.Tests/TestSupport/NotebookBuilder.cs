using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Tests.TestSupport;

/// <summary>Builds small notebooks for runner tests and runs them.</summary>
public sealed class NotebookBuilder
{
    private readonly List<NotebookCell> _cells = [];

    /// <summary>Adds a C# cell.</summary>
    public NotebookBuilder Code(string source, params string[] tags)
    {
        var cell = new NotebookCell(CellKind.Code, source) { Metadata = NotebookMetadata.CodeCell("csharp") };
        foreach (var tag in tags)
            cell.AddTag(tag);
        _cells.Add(cell);
        return this;
    }

    /// <summary>Adds a markdown cell.</summary>
    public NotebookBuilder Markdown(string source)
    {
        _cells.Add(new NotebookCell(CellKind.Markdown, source, NotebookLanguages.Markdown));
        return this;
    }

    /// <summary>Writes the notebook as .ipynb to <paramref name="path"/> and returns the path.</summary>
    public string WriteTo(string path)
    {
        IpynbWriter.Write(new NotebookDocument(path, NotebookFormat.Ipynb, _cells), path, includeOutputs: false);
        return path;
    }

    /// <summary>Writes the notebook into <paramref name="folder"/> and runs it.</summary>
    public async Task<NotebookRunResult> RunAsync(TemporaryFolder folder, params NotebookParameter[] parameters)
    {
        var path = WriteTo(folder["test.ipynb"]);
        return await NotebookExecutor.RunAsync(
            NotebookDocument.Load(path),
            new NotebookRunOptions { Parameters = parameters }
        );
    }
}
