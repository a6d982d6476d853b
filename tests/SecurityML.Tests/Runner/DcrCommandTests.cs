using System.Text.Json.Nodes;
using SecurityML.Results;
using SecurityML.Runner;
using SecurityML.Runner.Commands;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml dcr</c>: the files it writes are the catalogue's, deterministic, and a rule a workspace
/// accepts.</summary>
public sealed class DcrCommandTests : IDisposable
{
    private const string Workspace =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/soc/providers/"
        + "Microsoft.OperationalInsights/workspaces/sentinel";
    private const string Endpoint =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/soc/providers/Microsoft.Insights/"
        + "dataCollectionEndpoints/secml-dce";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int Exit, string Output, string Error) Run(
        string output,
        DataCollectionRuleSettings settings,
        params string[] tables
    )
    {
        var standardOutput = new StringWriter();
        var standardError = new StringWriter();
        var exit = DcrCommand.Run(output, settings, tables, standardOutput, standardError);
        return (exit, standardOutput.ToString(), standardError.ToString());
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory
            .GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), File.ReadAllBytes);

    [Fact]
    public void It_writes_the_same_bytes_every_time_and_they_are_the_catalogue_s()
    {
        var settings = new DataCollectionRuleSettings
        {
            WorkspaceResourceId = Workspace,
            DataCollectionEndpointResourceId = Endpoint,
            Location = "westeurope",
        };
        Run(_folder["a"], settings).Exit.Should().Be(0);
        Run(_folder["b"], settings).Exit.Should().Be(0);

        var first = Files(_folder["a"]);
        first.Should().HaveCount(ResultsTables.All.Count + 2);
        first.Keys.Should().BeEquivalentTo(Files(_folder["b"]).Keys);
        foreach (var (name, bytes) in first)
            bytes.Should().Equal(Files(_folder["b"])[name], name);
        File.ReadAllText(Path.Combine(_folder["a"], "dcr.json"))
            .Should()
            .Be(DataCollectionRuleTemplate.ToJson(DataCollectionRuleTemplate.Template(ResultsTables.All, settings)));
        foreach (var table in ResultsTables.All)
        {
            File.ReadAllText(Path.Combine(_folder["a"], "tables", table.TableName + ".json"))
                .Should()
                .Be(DataCollectionRuleTemplate.ToJson(DataCollectionRuleTemplate.TableBody(table)));
        }
        File.ReadAllText(Path.Combine(_folder["a"], "tables.md"))
            .Should()
            .Be(ResultsTablesMarkdown.Table(ResultsTables.All));
    }

    [Fact]
    public void The_printed_steps_map_the_second_rule_s_tables_under_dataCollectionRules_as_results_sink_looks_them_up()
    {
        var (exit, output, _) = Run(_folder.Path, new DataCollectionRuleSettings { WorkspaceResourceId = Workspace });

        exit.Should().Be(0);
        var groups = DataCollectionRuleTemplate.RuleGroups(ResultsTables.All);
        output.Should().Contain("rule 1 (secml-results-1) into the workspace config as dataCollectionRuleId");
        var snippet = output
            .Split('\n')
            .Single(line => line.TrimStart().StartsWith("\"dataCollectionRules\":", StringComparison.Ordinal));
        var map = JsonNode.Parse("{" + snippet.Trim() + "}")!["dataCollectionRules"]!.AsObject();
        map.Select(pair => pair.Key).Should().Equal(groups[1].Select(table => table.Name));
        map.Should().OnlyContain(pair => pair.Value!.GetValue<string>() == "{immutableId of secml-results-2}");
        var sink = new SecurityML.Sentinel.LogAnalyticsResultsSink(
            new SecurityML.Sentinel.LogsIngestionClient(
                new Uri("https://dce.example"),
                new SecurityML.Tests.Sentinel.StaticTokenCredential("t")
            ),
            "dcr-first",
            null,
            map.ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>())
        );
        foreach (var table in groups[1])
        {
            sink.RuleOf(table.Name).Should().Be("{immutableId of secml-results-2}", table.Name);
        }
        var listed = output
            .Split('\n')
            .Where(line => line.TrimStart().StartsWith("rule ", StringComparison.Ordinal))
            .ToList();
        listed.Should().HaveCount(2);
        listed
            .SelectMany(line => ResultsTables.All.Where(table => line.Contains(table.Name + " (")))
            .Should()
            .OnlyContain(table => table.Name == table.TableName, "each table is listed under its table name, with _CL");
    }

    [Fact]
    public void The_rules_declare_every_table_once_within_the_data_flow_limit_and_match_the_table_schemas()
    {
        Run(_folder.Path, new DataCollectionRuleSettings { WorkspaceResourceId = Workspace }).Exit.Should().Be(0);
        var template = JsonNode.Parse(File.ReadAllText(_folder["dcr.json"]))!;
        var rules = template["resources"]!.AsArray();

        rules.Should().HaveCount(2, "12 tables and at most 10 data flows per rule");
        template["parameters"]!["workspaceResourceId"]!["defaultValue"]!.GetValue<string>().Should().Be(Workspace);
        template["parameters"]!["dataCollectionEndpointResourceId"]!
            ["defaultValue"]
            .Should()
            .BeNull("not given: asked at deployment");
        var flows = rules.SelectMany(rule => rule!["properties"]!["dataFlows"]!.AsArray()).ToList();
        rules
            .Should()
            .OnlyContain(rule =>
                rule!["properties"]!["dataFlows"]!.AsArray().Count <= 10
                && rule["properties"]!["streamDeclarations"]!.AsObject().Count <= 10
            );
        flows
            .Select(flow => flow!["outputStream"]!.GetValue<string>())
            .Should()
            .BeEquivalentTo(ResultsTables.All.Select(table => "Custom-" + table.TableName));
        foreach (var rule in rules)
        {
            foreach (var flow in rule!["properties"]!["dataFlows"]!.AsArray())
            {
                var stream = flow!["streams"]![0]!.GetValue<string>();
                var table = ResultsTables.All.Single(t => t.StreamName == stream);
                flow["outputStream"]!.GetValue<string>().Should().Be("Custom-" + table.TableName);
                flow["destinations"]![0]!
                    .GetValue<string>()
                    .Should()
                    .Be(rule["properties"]!["destinations"]!["logAnalytics"]![0]!["name"]!.GetValue<string>());
                flow["transformKql"]!.GetValue<string>().Should().Be(table.TransformKql);
                var streamColumns = rule["properties"]!["streamDeclarations"]![stream]!["columns"]!.AsArray();
                var tableColumns = JsonNode.Parse(
                    File.ReadAllText(Path.Combine(_folder.Path, "tables", table.TableName + ".json"))
                )!["properties"]!["schema"]!["columns"]!.AsArray();
                streamColumns
                    .Select(c => c!["name"]!.GetValue<string>())
                    .Should()
                    .Equal(tableColumns.Select(c => c!["name"]!.GetValue<string>()), stream);
                streamColumns
                    .Zip(tableColumns)
                    .Should()
                    .OnlyContain(
                        pair =>
                            pair.First!["type"]!.GetValue<string>() == pair.Second!["type"]!.GetValue<string>()
                            || (
                                pair.First!["type"]!.GetValue<string>() == "dynamic"
                                && pair.Second!["type"]!.GetValue<string>() == "real"
                            ),
                        stream
                    );
            }
        }
    }

    [Fact]
    public async Task The_secml_command_line_passes_every_option_through()
    {
        var exit = await Program
            .BuildRootCommand()
            .Parse([
                "dcr",
                "--output",
                _folder.Path,
                "--workspace-resource-id",
                Workspace,
                "--dce",
                Endpoint,
                "--location",
                "westeurope",
                "--rule-name",
                "soc-results",
                "--table",
                "IpEmbeddingScores",
            ])
            .InvokeAsync();

        exit.Should().Be(0);
        var parameters = JsonNode.Parse(File.ReadAllText(_folder["dcr.json"]))!["parameters"]!;
        parameters["workspaceResourceId"]!["defaultValue"]!.GetValue<string>().Should().Be(Workspace);
        parameters["dataCollectionEndpointResourceId"]!["defaultValue"]!.GetValue<string>().Should().Be(Endpoint);
        parameters["location"]!["defaultValue"]!.GetValue<string>().Should().Be("westeurope");
        parameters["dataCollectionRuleName"]!["defaultValue"]!.GetValue<string>().Should().Be("soc-results");
        File.Exists(_folder[Path.Combine("tables", "IpEmbeddingScores_CL.json")]).Should().BeTrue();
    }

    [Fact]
    public void Selected_tables_make_one_rule_named_as_given()
    {
        var (exit, output, _) = Run(
            _folder.Path,
            new DataCollectionRuleSettings { RuleName = "soc-results" },
            "LogonScores",
            "Thresholds"
        );

        exit.Should().Be(0);
        var rule = JsonNode.Parse(File.ReadAllText(_folder["dcr.json"]))!["resources"]!
            .AsArray()
            .Should()
            .ContainSingle()
            .Subject!;
        rule["name"]!.GetValue<string>().Should().Be("[parameters('dataCollectionRuleName')]");
        rule["properties"]!["streamDeclarations"]!
            .AsObject()
            .Select(pair => pair.Key)
            .Should()
            .Equal("Custom-LogonScores", "Custom-Thresholds");
        Directory
            .GetFiles(_folder["tables"])
            .Select(Path.GetFileName)
            .Should()
            .BeEquivalentTo("LogonScores_CL.json", "Thresholds_CL.json");
        output.Should().Contain("tables/Thresholds_CL?api-version=2022-10-01");
    }

    [Theory]
    [InlineData(
        "/subscriptions/x/resourceGroups/y/providers/Microsoft.Insights/dataCollectionEndpoints/z",
        null,
        "WorkspaceResourceId"
    )]
    [InlineData(
        null,
        "/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/z\n",
        "DataCollectionEndpointResourceId"
    )]
    public void A_malformed_resource_id_is_refused_naming_the_option(string? workspace, string? endpoint, string named)
    {
        var (exit, _, error) = Run(
            _folder.Path,
            new DataCollectionRuleSettings
            {
                WorkspaceResourceId = workspace,
                DataCollectionEndpointResourceId = endpoint,
            }
        );

        exit.Should().Be(1);
        error.Should().Contain(named).And.Contain("expected /subscriptions/");
        Directory
            .GetFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Should()
            .BeEmpty("nothing is written on a bad option");
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_reported_not_thrown()
    {
        var file = _folder.File("taken");
        File.WriteAllText(file, "x");

        var (exit, _, error) = Run(file, new DataCollectionRuleSettings());

        exit.Should().Be(1);
        error.Should().Contain("cannot write to").And.Contain(file);
    }

    [Fact]
    public void An_unknown_table_is_refused_with_the_known_names()
    {
        var (exit, _, error) = Run(_folder.Path, new DataCollectionRuleSettings(), "LogonScores_CL");

        exit.Should().Be(1);
        error
            .Should()
            .Contain("'LogonScores_CL'")
            .And.Contain("LogonScores,")
            .And.StartWith("secml dcr: --table: ")
            .And.NotContain("(Parameter");
    }
}
