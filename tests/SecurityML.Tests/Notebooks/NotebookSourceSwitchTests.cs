using SecurityML.Runner.NotebookFiles;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// Every detector notebook can run on local files or on a Sentinel workspace with one parameter: its parameters cell
/// declares <c>source</c> (default <c>"local"</c>) and <c>workspaceConfig</c> (default <c>""</c>), and it gets data and
/// writes results through one <c>Workspace</c> (<c>QueryProvider</c>, <c>ResultsSink</c>), never the local
/// classes directly. Sentinel.SentinelNotebookTests runs each of them against the fake workspace.
/// </summary>
public sealed class NotebookSourceSwitchTests
{
    public static TheoryData<string> Detectors() => NotebookParameters.Detectors();

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Detector_notebook_declares_source_and_workspaceConfig(string fileName)
    {
        var declared = NotebookParameters.Declared(fileName);

        declared
            .Should()
            .Contain("source", "\"local\"", "the parameters cell declares var source = \"local\";  // or \"sentinel\"");
        declared
            .Should()
            .Contain("workspaceConfig", "\"\"", "the parameters cell declares var workspaceConfig = \"\";");
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Detector_notebook_reads_and_writes_through_the_source_switch(string fileName)
    {
        var code = string.Join(
            "\n",
            NotebookDocument
                .Load(Path.Combine(RepositoryPaths.Notebooks, fileName))
                .Cells.Where(c => c.Kind == CellKind.Code)
                .Select(c => c.Source)
        );

        code.Should().Contain("Workspace.Open(source, dataFolder, outputDir, workspaceConfig)");
        code.Should()
            .NotContain(
                "QueryProvider.Local(",
                "the data comes through the switch so that source=sentinel queries the workspace"
            );
        code.Should().NotContain("new LocalResultsSink(", "results go through workspace.ResultsSink");
        code.Should().Contain("workspace.ResultsSink");
        code.Should()
            .NotContain(
                "Path.Combine(dataFolder",
                "data files come through the workspace so that source=sentinel reads the workspace"
            );
    }
}
