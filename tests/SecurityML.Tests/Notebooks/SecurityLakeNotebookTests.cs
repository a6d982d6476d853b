using SecurityML.Runner.Commands;
using SecurityML.Runner.Execution;

namespace SecurityML.Tests.Notebooks;

/// <summary>Notebook 08 runs on OCSF Network Activity that <c>secml demo-data --security-lake</c> wrote in Amazon
/// Security Lake's Parquet layout, switched by <c>--param securityLakeFolder=…</c>.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class SecurityLakeNotebookTests : IDisposable
{
    private const string Notebook = "08-ip-embedding-anomalies";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Notebook_08_reads_the_ocsf_pairs_from_security_lake_parquet()
    {
        var data = _folder["lake-demo"];
        DemoDataCommand.Create().Parse(["--output", data, "--security-lake"]).Invoke().Should().Be(0);
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, Notebook + ".ipynb"),
            OutputDirectory = _folder["out"],
            Parameters = [NotebookParameter.Parse("securityLakeFolder=" + Path.Combine(data, "NetworkActivity"))],
            CellTimeout = TimeSpan.FromMinutes(2),
            Isolated = true,
        };

        var exitCode = await NotebookRunner.RunAsync(request, log);

        exitCode.Should().Be(0, log.ToString());
        var executed = File.ReadAllText(Path.Combine(_folder["out"], Notebook + ".ipynb"));
        executed
            .Should()
            .MatchRegex(
                @"OCSF pairs from Security Lake Parquet: (?<n>[1-9][0-9]+), the same as the sign-in pairs: True"
                    + @"(.|\n)*Security Lake rows: \k<n> row\(s\) read, 0 dropped"
            );
    }
}
