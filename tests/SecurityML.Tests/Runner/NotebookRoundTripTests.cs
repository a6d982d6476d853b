using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Tests.Runner;

/// <summary>Reading and writing a notebook keeps every nbformat field the runner does not own.</summary>
public sealed class NotebookRoundTripTests
{
    private static readonly JsonObject Original = JsonNode.Parse(JupyterNotebookFixture.Json)!.AsObject();

    private static JsonObject RoundTrip(bool includeOutputs) =>
        JsonNode
            .Parse(IpynbWriter.Serialize(IpynbReader.Parse("n.ipynb", JupyterNotebookFixture.Json), includeOutputs))!
            .AsObject();

    /// <summary>A cell without its source (compared as text: a string and a list of lines are the same nbformat
    /// value).</summary>
    private static JsonObject WithoutSource(JsonNode? cell)
    {
        var copy = cell!.DeepClone().AsObject();
        copy.Remove("source");
        return copy;
    }

    [Fact]
    public void Writing_a_read_notebook_with_outputs_gives_back_every_field()
    {
        var written = RoundTrip(includeOutputs: true);

        var cells = written["cells"]!.AsArray();
        cells.Should().HaveCount(3);
        for (var index = 0; index < cells.Count; index++)
        {
            JsonNode
                .DeepEquals(WithoutSource(cells[index]), WithoutSource(Original["cells"]![index]))
                .Should()
                .BeTrue($"cell {index} is written back unchanged:\n{cells[index]}");
        }
        JsonNode.DeepEquals(written["metadata"], Original["metadata"]).Should().BeTrue();
        JsonNode.DeepEquals(written["custom_top_level"], Original["custom_top_level"]).Should().BeTrue();
    }

    [Fact]
    public void Json_outputs_are_read_as_their_json_text_and_written_as_json()
    {
        var notebook = IpynbReader.Parse("n.ipynb", JupyterNotebookFixture.Json);
        var display = notebook.Cells[1].Outputs.OfType<DisplayOutput>().ToList();

        JsonNode
            .DeepEquals(
                JsonNode.Parse(display[1].Data["application/json"]),
                JsonNode.Parse("""[1, "two", {"three": 3}]""")
            )
            .Should()
            .BeTrue();
        var produced = new NotebookDocument("p.ipynb", NotebookFormat.Ipynb, [new NotebookCell(CellKind.Code, "x")]);
        produced
            .Cells[0]
            .Outputs.Add(
                new DisplayOutput(
                    new Dictionary<string, string> { ["application/json"] = "{\"a\": [1, 2]}", ["text/plain"] = "a" }
                )
            );

        var written = JsonNode.Parse(IpynbWriter.Serialize(produced))!["cells"]![0]!["outputs"]![0]!["data"]!;

        JsonNode
            .DeepEquals(written["application/json"], JsonNode.Parse("{\"a\": [1, 2]}"))
            .Should()
            .BeTrue("nbformat stores JSON MIME data as JSON");
        written["text/plain"]!.AsArray().Select(line => line!.GetValue<string>()).Should().Equal("a");
    }

    [Fact]
    public void Writing_it_clean_drops_outputs_and_execution_counts_only()
    {
        var written = RoundTrip(includeOutputs: false);

        for (var index = 0; index < 3; index++)
        {
            var expected = WithoutSource(Original["cells"]![index]);
            if (expected["cell_type"]!.GetValue<string>() == "code")
            {
                expected["outputs"] = new JsonArray();
                expected["execution_count"] = null;
            }
            JsonNode
                .DeepEquals(WithoutSource(written["cells"]![index]), expected)
                .Should()
                .BeTrue($"cell {index}:\n{written["cells"]![index]}");
        }
        JsonNode
            .DeepEquals(written["cells"]![0]!["attachments"], Original["cells"]![0]!["attachments"])
            .Should()
            .BeTrue();
    }
}
