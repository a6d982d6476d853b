using System.Text.RegularExpressions;
using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>notebooks/03-logon-anomalies-guided-investigation.ipynb on the demo data shows the account summary of its
/// top outlier (the planted lateral movement): the account's directory record, its alert and bookmark, every computer
/// it logged on to, and the chart with the alert marked; checked against the raw sample files.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class AccountSummaryNotebookTests : IDisposable
{
    private const string Notebook = "03-logon-anomalies-guided-investigation.ipynb";
    private readonly TemporaryFolder _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task The_top_outliers_summary_shows_its_directory_record_alerts_bookmarks_and_logons_by_host()
    {
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, Notebook),
            OutputDirectory = _output.Path,
        };
        (await NotebookRunner.RunAsync(request, log)).Should().Be(0, log.ToString());
        var cells = NotebookCellOutputs.CodeCells(Path.Combine(_output.Path, Notebook));
        var label = QueryProvider
            .Local(RepositoryPaths.SampleData)
            .Labels(DataSets.Logons)
            .Single(l => l.Kind == "ManyComputers");

        NotebookCellOutputs
            .Text(NotebookCellOutputs.Output(cells, "var account = "))
            .Should()
            .Contain($"Investigating {label.Entity} on {label.WindowStart:yyyy-MM-dd} (rank 1,");
        var table = NotebookCellOutputs.Text(NotebookCellOutputs.Output(cells, "AccountSummary.Query("));
        var directory = Raw("UserDirectory.csv")
            .Single(row => row.StartsWith(label.Entity + ",", StringComparison.Ordinal))
            .Split(',');
        table
            .Should()
            .Contain($"{label.Entity} ({directory[2]}, Human), {directory[1]}")
            .And.Contain($"{directory[3]}, {directory[4]}")
            .And.Contain($"Manager {directory[5]}");
        foreach (
            var alert in Raw("SecurityAlerts.csv")
                .Where(row => row.EndsWith("," + label.Entity, StringComparison.Ordinal))
        )
        {
            table.Should().Contain(alert.Split(',')[2]);
        }
        foreach (
            var bookmark in Raw("HuntingBookmarks.csv")
                .Where(row => row.EndsWith("," + label.Entity, StringComparison.Ordinal))
        )
        {
            table.Should().Contain(bookmark.Split(',')[2]);
        }
        var computers = Raw("Logons.csv")
            .Select(row => row.Split(','))
            .Where(row => row[4] == label.Entity)
            .Select(row => row[3])
            .Distinct()
            .ToList();
        computers.Should().HaveCountGreaterThanOrEqualTo(30);
        Regex
            .Matches(table, @"Host \d{4}-\d\d-\d\dT[0-9:.]+Z (\S+) ")
            .Select(match => match.Groups[1].Value)
            .Should()
            .BeEquivalentTo(computers, "one host row per computer the account logged on to");
        table.Should().Contain($"Peers  {directory[3]} Human accounts (9)");
        var chart = NotebookCellOutputs.Html(
            NotebookCellOutputs.Output(cells, "IsolationForestCharts.AccountSummary(")
        );
        chart.Should().Contain("\"name\":\"alert\"").And.Contain("Suspected identity theft (pass-the-hash)");
    }

    private static IEnumerable<string> Raw(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.SampleData, file)).Skip(1);
}
