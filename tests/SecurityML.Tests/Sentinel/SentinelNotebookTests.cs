using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Sentinel;
using SecurityML.Tests.Notebooks;
using SecurityML.Tests.TestSupport;
using Xunit.Abstractions;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Every notebook with a <c>source</c> parameter runs with <c>--param source=sentinel</c> against the fake workspace
/// (Kestrel on 127.0.0.1 serving the demo data through the named queries and accepting ingestion), signed in with an
/// access token from <c>SECML_ACCESS_TOKEN</c> and trusting the server by its pinned certificate. It must send queries,
/// write back through the Logs Ingestion API exactly the rows its local run writes to files, and leave the token in no
/// output. New notebooks are picked up as soon as their parameters cell declares <c>source</c>.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class SentinelNotebookTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private const string RuleId = "dcr-0123456789abcdef0123456789abcdef";
    private static readonly string SampleData = RepositoryPaths.SampleData;
    private readonly TemporaryFolder _folder = new();
    private readonly ConcurrentQueue<AnsweredQuery> _answered = new();

    /// <summary>Notebooks whose detector trains on an aggregate the workspace computes: the raw data set they must not
    /// pull whole (only filtered by one account, for a drill-down) and the aggregate they query instead.</summary>
    private static readonly Dictionary<string, (string Raw, string Aggregate)> PullsAggregates = new()
    {
        ["01-anomalous-resource-access-training.ipynb"] = ("FileShareAccess", "ShareAccessCounts"),
        ["02-anomalous-resource-access-scoring.ipynb"] = ("FileShareAccess", "DailyShareAccess"),
        ["03-logon-anomalies-guided-investigation.ipynb"] = ("Logons", "DailyLogons"),
        ["04-logon-anomalies-data-science.ipynb"] = ("Logons", "DailyLogons"),
        ["09-threshold-tuning.ipynb"] = ("Logons", "DailyLogonCounts"),
        ["10-bring-your-own-detector.ipynb"] = ("Logons", "DailyLogonCounts"),
    };

    /// <summary>Notebooks whose input is Security Lake OCSF data only (no workspace table holds it): they query nothing
    /// and write their results back like the others.</summary>
    private static readonly string[] ReadsOnlyLocalOcsf = ["11-random-cut-forest.ipynb"];
    private FakeMonitorServer _server = null!;

    public static TheoryData<string> Notebooks() => new(NotebookParameters.WithSourceSwitch());

    /// <summary>Notebooks whose inputs have no named workspace query yet, so a sentinel run reads them from
    /// <c>dataFolder</c> (as labels are) and only writes to the workspace: 12's demo alerts and verdicts stand for
    /// SecurityAlert and SecurityIncident, which <c>SentinelQueries</c> does not map.</summary>
    private static readonly HashSet<string> ReadsNoWorkspaceTable = ["12-alert-triage.ipynb"];

    public async Task InitializeAsync()
    {
        _server = await FakeMonitorServer.StartAsync();
        _server.QueryResponder = SampleDataWorkspace.Responder(SampleData, _answered);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void The_detector_notebooks_present_have_the_switch() =>
        NotebookParameters
            .WithSourceSwitch()
            .Should()
            .Contain(["06-process-clustering.ipynb", "07-anomalous-sessions.ipynb"]);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_against_the_workspace_and_writes_back_what_the_local_run_writes(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var localRun = await RunAsync(fileName, "local", []);
        localRun.ExitCode.Should().Be(0, localRun.Log);
        var localTables = Directory
            .GetFiles(Path.Combine(localRun.Output, name), "*.jsonl")
            .ToDictionary(
                file => Path.GetFileNameWithoutExtension(file),
                file => File.ReadAllLines(file).Where(line => line.Length > 0).ToList()
            );
        localTables.Should().NotBeEmpty("the local run writes its results as {table}.jsonl");

        var sentinelRun = await WithAccessTokenAsync(() =>
            RunAsync(fileName, "sentinel", [new("source", "sentinel"), new("workspaceConfig", WriteWorkspaceConfig())])
        );

        sentinelRun.ExitCode.Should().Be(0, sentinelRun.Log);
        AssertAggregatesPulled(fileName);
        if (ReadsOnlyLocalOcsf.Contains(fileName))
        {
            _server.Queries.Should().BeEmpty("Security Lake's OCSF files are read from the data folder in both modes");
        }
        else
        {
            _server.Queries.Where(query => query.WorkspaceId != Workspace).Should().BeEmpty();
            if (!ReadsNoWorkspaceTable.Contains(fileName))
                _server.Queries.Should().NotBeEmpty();
        }
        _server
            .IngestionCalls.Should()
            .OnlyContain(call => call.RuleId == RuleId && call.Status == 204 && call.ContentEncoding == "gzip");
        foreach (var (table, rows) in localTables)
        {
            var ingested = _server
                .IngestionCalls.Where(call => call.Stream == "Custom-" + table)
                .Sum(call => call.RowCount);
            ingested
                .Should()
                .Be(rows.Count, $"{table}: every row the local run writes is sent to the stream Custom-{table}");
        }
        _server.IngestedRows.Should().HaveCount(localTables.Values.Sum(rows => rows.Count), "nothing else is sent");
        _server
            .IngestedRows.Select(row =>
                JsonDocument.Parse(row).RootElement.GetProperty(LogsIngestionClient.RowIdColumnName).GetString()
            )
            .Should()
            .OnlyHaveUniqueItems("every row written back carries its own row id");
        Canonical(_server.IngestedRows)
            .Should()
            .BeEquivalentTo(
                Canonical(localTables.Values.SelectMany(rows => rows)),
                "the same rows, whatever the transport"
            );
        // Model inputs (notebook 11's feature rows for secml score, under features/) stay on disk by design.
        Directory
            .GetFiles(sentinelRun.Output, "*.jsonl", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) != "features")
            .Should()
            .BeEmpty("results went to the workspace");
        AssertNoSecret(sentinelRun, name);
    }

    /// <summary>Writes the rows each data set returned and, for <see cref="PullsAggregates"/>, checks that the raw
    /// data set was only pulled filtered by account and the aggregate was queried.</summary>
    private void AssertAggregatesPulled(string fileName)
    {
        foreach (var group in _answered.GroupBy(answered => (answered.DataSet, Filtered: answered.Account is not null)))
        {
            var filtered = group.Key.Filtered ? " (filtered by account)" : "";
            output.WriteLine(
                $"{fileName}: {group.Key.DataSet}{filtered}: {group.Count()} queries, {group.Sum(a => a.RowCount)} rows"
            );
        }
        if (!PullsAggregates.TryGetValue(fileName, out var expected))
        {
            return;
        }
        _answered
            .Where(answered => answered.DataSet == expected.Raw && answered.Account is null)
            .Should()
            .BeEmpty($"{expected.Raw} is aggregated in the workspace");
        _answered.Should().Contain(answered => answered.DataSet == expected.Aggregate);
    }

    private async Task<(int ExitCode, string Log, string Output)> RunAsync(
        string fileName,
        string label,
        NotebookParameter[] parameters
    )
    {
        var output = _folder[label];
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = Path.Combine(RepositoryPaths.Notebooks, fileName),
            OutputDirectory = output,
            Parameters = parameters,
            CellTimeout = TimeSpan.FromMinutes(2),
        };
        var exitCode = await NotebookRunner.RunAsync(request, log);
        return (exitCode, log.ToString(), output);
    }

    private static async Task<T> WithAccessTokenAsync<T>(Func<Task<T>> action)
    {
        var previous = Environment.GetEnvironmentVariable(WorkspaceConfig.AccessTokenVariable);
        Environment.SetEnvironmentVariable(WorkspaceConfig.AccessTokenVariable, FakeMonitorServer.Token);
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(WorkspaceConfig.AccessTokenVariable, previous);
        }
    }

    private string WriteWorkspaceConfig()
    {
        var path = _folder["workspace.json"];
        File.WriteAllText(
            path,
            JsonSerializer.Serialize(
                new Dictionary<string, object>
                {
                    ["workspaceId"] = Workspace,
                    ["queryEndpoint"] = _server.Endpoint.AbsoluteUri,
                    ["dataCollectionEndpoint"] = _server.Endpoint.AbsoluteUri,
                    ["dataCollectionRuleId"] = RuleId,
                    ["streams"] = new Dictionary<string, string>
                    {
                        ["AnomalousResourceAccessResult_CL"] = "Custom-AnomalousResourceAccessResult_CL",
                    },
                    ["credential"] = "accessToken",
                    ["serverCertificateSha256"] = TestCertificate.Certificate.GetCertHashString(
                        HashAlgorithmName.SHA256
                    ),
                }
            )
        );
        return path;
    }

    private static void AssertNoSecret((int ExitCode, string Log, string Output) run, string name)
    {
        var texts = new[]
        {
            run.Log,
            File.ReadAllText(Path.Combine(run.Output, name + ".ipynb")),
            File.ReadAllText(Path.Combine(run.Output, name + ".html")),
        };
        texts
            .Should()
            .NotContain(
                text =>
                    text.Contains(FakeMonitorServer.Token, StringComparison.Ordinal)
                    || text.Contains("FAKE-SECRET-TOKEN", StringComparison.Ordinal),
                "the access token is never printed or saved"
            );
        NotebookDocument
            .Load(Path.Combine(run.Output, name + ".ipynb"))
            .Cells.Single(cell => cell.Tags.Contains(ParameterInjector.InjectedTag))
            .Source.Should()
            .Contain("source = \"sentinel\";", "the check above ran on the output of the sentinel run");
    }

    /// <summary>Each row as JSON with its properties sorted and without the upload's row id, so file and wire encodings
    /// of the same row compare equal.</summary>
    private static List<string> Canonical(IEnumerable<string> rows) =>
        rows.Select(row =>
            {
                var columns = JsonSerializer.Deserialize<SortedDictionary<string, JsonElement>>(row)!;
                columns.Remove(LogsIngestionClient.RowIdColumnName);
                return JsonSerializer.Serialize(columns);
            })
            .ToList();
}
