using System.Text.Json.Nodes;
using SecurityML.Results;
using SecurityML.Runner.Commands;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Results;

/// <summary>docs/sentinel.md shows what <c>secml dcr</c> writes: its tables.md verbatim, and a dcr.json excerpt equal
/// to the generated rule's stream and data flow for that table. Regenerate with <c>secml dcr</c> when a row type
/// changes.</summary>
public sealed class SentinelDocTests : IDisposable
{
    private const string TablesBegin = "<!-- secml dcr: tables.md begin -->\n";
    private const string TablesEnd = "<!-- secml dcr: tables.md end -->";
    private const string ExcerptMarker = "<!-- secml dcr: excerpt ";
    private readonly TemporaryFolder _folder = new();
    private readonly string _doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "sentinel.md"))
        .ReplaceLineEndings("\n");

    public SentinelDocTests()
    {
        DcrCommand
            .Run(_folder.Path, new DataCollectionRuleSettings(), [], TextWriter.Null, TextWriter.Null)
            .Should()
            .Be(0);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_doc_lists_the_tables_as_secml_dcr_writes_them()
    {
        var start = _doc.IndexOf(TablesBegin, StringComparison.Ordinal);
        var end = _doc.IndexOf(TablesEnd, StringComparison.Ordinal);
        start.Should().BePositive("the doc marks the generated table");

        _doc[(start + TablesBegin.Length)..end]
            .Should()
            .Be(
                File.ReadAllText(_folder["tables.md"]),
                "docs/sentinel.md shows secml dcr's tables.md (paste it between the markers)"
            );
    }

    [Fact]
    public void The_doc_s_rule_excerpt_is_the_generated_rule_s()
    {
        var marker = _doc.IndexOf(ExcerptMarker, StringComparison.Ordinal);
        marker.Should().BePositive("the doc marks its dcr.json excerpt");
        var name = _doc[(marker + ExcerptMarker.Length).._doc.IndexOf(" -->", marker, StringComparison.Ordinal)];
        var open = _doc.IndexOf("```json\n", marker, StringComparison.Ordinal) + "```json\n".Length;
        var excerpt = JsonNode.Parse(_doc[open.._doc.IndexOf("```", open, StringComparison.Ordinal)])!;
        var table = ResultsTables.Named(name);
        var rule = JsonNode.Parse(File.ReadAllText(_folder["dcr.json"]))!["resources"]!
            .AsArray()
            .Select(resource => resource!["properties"]!)
            .Single(properties => properties["streamDeclarations"]![table.StreamName] is not null);

        excerpt["streamDeclarations"]!.AsObject().Should().ContainSingle();
        JsonNode
            .DeepEquals(excerpt["streamDeclarations"]![table.StreamName], rule["streamDeclarations"]![table.StreamName])
            .Should()
            .BeTrue("the stream declaration");
        var flow = rule["dataFlows"]!.AsArray().Single(f => f!["streams"]![0]!.GetValue<string>() == table.StreamName);
        JsonNode
            .DeepEquals(excerpt["dataFlows"]!.AsArray().Should().ContainSingle().Subject, flow)
            .Should()
            .BeTrue("the data flow");
    }

    [Fact]
    public void The_doc_names_the_rules_the_command_splits_the_tables_into()
    {
        var groups = DataCollectionRuleTemplate.RuleGroups(ResultsTables.All);

        groups.Should().HaveCount(2);
        _doc.Should().Contain($"at most **{DataCollectionRuleTemplate.MaximumDataFlows} data flows**");
        _doc.Should()
            .Contain($"`secml-results-1`: notebooks {groups[0][0].Notebook[..2]}–{groups[0][^1].Notebook[..2]}");
        _doc.Should()
            .Contain($"`secml-results-2`: notebooks {groups[1][0].Notebook[..2]}–{groups[1][^1].Notebook[..2]}");
    }
}
