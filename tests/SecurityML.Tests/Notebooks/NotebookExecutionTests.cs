using SecurityML.Detection;
using SecurityML.Runner.Commands;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Scoring;
using SecurityML.Tests.Results;
using SecurityML.Tests.TestSupport;
using SecurityML.Tuning;

namespace SecurityML.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ runs through secml, in its own process as secml run does, on the bundled demo
/// data and succeeds, and the results tables it writes are exactly its catalogued ones, every row accepted by the
/// schema <c>secml dcr</c> generates.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class NotebookExecutionTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    public void Dispose() => _output.Dispose();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookRunner.FindNotebooks(RepositoryPaths.Notebooks))
            data.Add(Path.GetFileName(path));
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
        await AssertModelFilesScore(name, Path.Combine(_output.Path, name));
    }

    /// <summary>Notebooks that write a model file scored by <c>secml score</c> on a sample-data file.</summary>
    private static readonly HashSet<string> WritesAModel =
    [
        "01-anomalous-resource-access-training",
        "03-logon-anomalies-guided-investigation",
        "05-time-series-anomalies",
        "06-process-clustering",
        "07-anomalous-sessions",
        "08-ip-embedding-anomalies",
        "11-random-cut-forest",
    ];

    /// <summary>Every model file the notebook wrote, of a kind the registry loads and with a matching sample-data file
    /// (for the random cut forest: the streamed feature rows notebook 11 writes),
    /// goes through <c>secml score</c> on that file: it loads, scores events and raises alerts (the demo data has
    /// planted anomalies for every such kind). Unscorable units (e.g. pairs of users the access model never saw) are
    /// reported, not fatal, here.</summary>
    private static async Task AssertModelFilesScore(string name, string folder)
    {
        var models = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.model") : [];
        if (WritesAModel.Contains(name))
            models.Should().NotBeEmpty($"{name} saves its model for scheduled scoring");
        foreach (var model in models)
        {
            var card = ModelThreshold.ReadCard(model);
            // The random cut forest streams the feature rows its notebook writes beside the model.
            var input =
                card.Kind == SecurityML.Detection.RandomCutForest.RandomCutForestModel.Kind
                    ? Path.Combine(folder, "features", "HostActivityFeatures.jsonl")
                    : "";
            if (!ModelRegistry.Kinds.Contains(card.Kind) || (input.Length == 0 && !HasSampleData(card, out input)))
                continue;
            var alerts = new StringWriter();
            var problems = new StringWriter();
            int exit = await ScoreCommand.RunAsync(
                new ScoreRequest
                {
                    ModelPath = model,
                    InputPath = input,
                    MaximumBadLines = long.MaxValue,
                },
                new MemoryStream(),
                alerts,
                problems,
                CancellationToken.None
            );

            exit.Should().Be(ScoreCommand.Success, $"{Path.GetFileName(model)} of {name}: {problems}");
            alerts
                .ToString()
                .Should()
                .NotBeEmpty($"{Path.GetFileName(model)} of {name} scores {Path.GetFileName(input)}");
        }
    }

    private static bool HasSampleData(SecurityML.Detection.ModelCard card, out string path)
    {
        try
        {
            path = Path.Combine(RepositoryPaths.SampleData, LabelledScoring.SampleDataFileFor(card));
            return true;
        }
        catch (ArgumentException)
        {
            path = "";
            return false;
        }
    }
}
