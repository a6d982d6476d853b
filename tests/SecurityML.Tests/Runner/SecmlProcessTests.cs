using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary>
/// Runs the built <c>secml</c> as users and schedules do, in its own process: it must find the one SecurityML.dll in
/// artifacts/lib (it ships no copy of its own) and run a notebook end to end.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class SecmlProcessTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static string RunnerPath() => SecmlProcess.RunnerPath();

    private static (int ExitCode, string Output) Secml(params string[] arguments) => SecmlProcess.Run(arguments);

    [Fact]
    public void The_runner_ships_no_copy_of_the_library()
    {
        File.Exists(Path.Combine(Path.GetDirectoryName(RunnerPath())!, "SecurityML.dll")).Should().BeFalse();
    }

    [Fact]
    public void Secml_runs_a_notebook_that_uses_the_library_in_its_own_process()
    {
        var (exitCode, output) = Secml(
            "run",
            Path.Combine(RepositoryPaths.Notebooks, "00-getting-started.ipynb"),
            "--output",
            _folder.Path
        );

        exitCode.Should().Be(0, output);
        File.Exists(_folder["00-getting-started.html"]).Should().BeTrue();
        File.Exists(_folder[Path.Combine("00-getting-started", "planted-anomalies.csv")]).Should().BeTrue();
    }

    [Fact]
    public void Secml_commands_that_use_the_library_load_it_from_artifacts()
    {
        var (exitCode, output) = Secml("demo-data", "--output", _folder.Path, "--seed", "7");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Wrote 23 files");
    }
}
