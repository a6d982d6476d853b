using SecurityML.Runner.Execution;
using SecurityML.Runner.Notebooks;
using SecurityML.Tests.Results;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ runs through secml, in its own process as secml run does, on the bundled demo
/// data and succeeds, and the results tables it writes are exactly its catalogued ones, every row accepted by the schema
/// <c>secml dcr</c> generates.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class NotebookExecutionTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    public void Dispose() => _output.Dispose();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookRunner.FindNotebooks(RepositoryPaths.Notebooks)) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_on_the_demo_data_without_errors(string fileName)
    {
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, fileName),
            OutputDirectory = _output.Path,
            CellTimeout = TimeSpan.FromMinutes(2),
            Isolated = true, // as secml run does: the notebook runs in its own secml process
        };

        var exitCode = await NotebookRunner.RunAsync(request, log);

        exitCode.Should().Be(0, log.ToString());
        var executed = NotebookDocument.Load(Path.Combine(_output.Path, Path.ChangeExtension(fileName, ".ipynb")));
        executed.Cells.Where(c => c.Kind == CellKind.Code).Should().OnlyContain(c => c.ExecutionCount != null);
        File.Exists(Path.Combine(_output.Path, Path.ChangeExtension(fileName, ".html"))).Should().BeTrue();
        var name = Path.GetFileNameWithoutExtension(fileName);
        ResultsTableAcceptance.AssertAccepted(name, Path.Combine(_output.Path, name));
    }
}
