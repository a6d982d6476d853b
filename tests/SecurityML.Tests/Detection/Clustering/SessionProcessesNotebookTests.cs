using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>notebooks/06-process-clustering.ipynb on the demo data shows each rare logon session with its duration and
/// then its processes in order: the planted evening session's seven commands, checked against the raw sample
/// file.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class SessionProcessesNotebookTests : IDisposable
{
    private const string Notebook = "06-process-clustering.ipynb";
    private readonly TemporaryFolder _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Each_rare_session_shows_its_duration_and_its_processes_in_order()
    {
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, Notebook),
            OutputDirectory = _output.Path,
        };
        (await NotebookRunner.RunAsync(request, log)).Should().Be(0, log.ToString());
        var cells = NotebookCellOutputs.CodeCells(Path.Combine(_output.Path, Notebook));

        var sessions = NotebookCellOutputs.Text(NotebookCellOutputs.Output(cells, "RareSessionProcesses()"));
        sessions
            .Should()
            .Contain(
                "WS-FIN-002.contoso.local CONTOSO\\umar.ek 0x79db43b2 2024-03-13T21:14:00Z "
                    + "2024-03-13T21:16:19.699Z 00:02:19.6990000 7 7"
            );
        var processes = NotebookCellOutputs.Text(NotebookCellOutputs.Output(cells, "SelectMany(s => s.Processes)"));
        var planted = File.ReadLines(Path.Combine(RepositoryPaths.SampleData, "ProcessCreation.csv"))
            .Where(line => line.Contains(",0x79db43b2,", StringComparison.Ordinal))
            .ToList();
        planted.Should().HaveCount(7);
        var positions = new[]
        {
            "whoami.exe\" /all",
            "user support_adm",
            "net1 user",
            "localgroup administrators support_adm /add",
        }
            .Select(command => processes.IndexOf(command, StringComparison.Ordinal))
            .ToList();
        positions.Should().OnlyContain(position => position >= 0).And.BeInAscendingOrder();
    }
}
