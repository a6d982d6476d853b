using System.Text.Json;
using SecurityML.Data;
using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>notebooks/05-time-series-anomalies.ipynb on the demo data writes anomalies and periods that cover every
/// planted spike of sample-data/OutboundBytes.labels.csv.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class TimeSeriesNotebookTests : IDisposable
{
    private const string Notebook = "05-time-series-anomalies.ipynb";
    private readonly TemporaryFolder _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Notebook_results_flag_every_planted_spike()
    {
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, Notebook),
            OutputDirectory = _output.Path,
        };

        (await NotebookRunner.RunAsync(request, log)).Should().Be(0, log.ToString());

        var results = Path.Combine(_output.Path, Path.GetFileNameWithoutExtension(Notebook));
        var anomalies = Times(Path.Combine(results, "TimeSeriesAnomalies.jsonl"), "TimeGenerated");
        var periodStarts = Times(Path.Combine(results, "AnomalyPeriods.jsonl"), "Start");
        var periodEnds = Times(Path.Combine(results, "AnomalyPeriods.jsonl"), "End");
        var labels = QueryProvider.Local(RepositoryPaths.SampleData).Labels(DataSets.OutboundBytes);
        labels.Should().HaveCount(3);
        foreach (var label in labels)
        {
            anomalies.Should().Contain(time => time >= label.WindowStart && time < label.WindowEnd, label.Description);
            periodStarts
                .Zip(periodEnds)
                .Should()
                .Contain(
                    p => p.First <= label.WindowStart && p.Second >= label.WindowEnd.AddHours(-1),
                    label.Description
                );
        }
    }

    private static List<DateTimeOffset> Times(string path, string column) =>
        File.ReadLines(path)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty(column).GetDateTimeOffset())
            .ToList();
}
