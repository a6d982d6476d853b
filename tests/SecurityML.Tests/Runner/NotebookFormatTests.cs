using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Tests.Runner;

public sealed class NotebookFormatTests
{
    private const string PolyglotIpynb = """
        {
         "cells": [
          { "cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "text"] },
          { "cell_type": "code", "execution_count": null, "metadata": { "dotnet_interactive": { "language": "csharp" },
            "polyglot_notebook": { "kernelName": "csharp" }, "tags": ["parameters"] }, "outputs": [], "source": ["var x = 1;\r\n", "var y = 2;"] },
          { "cell_type": "code", "execution_count": null, "metadata": { "polyglot_notebook": { "kernelName": "fsharp" } }, "outputs": [], "source": "let z = 3" },
          { "cell_type": "code", "execution_count": null, "metadata": { "dotnet_interactive": { "language": "C#" } }, "outputs": [], "source": [] },
          { "cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["#!markdown\n", "## Hidden markdown"] }
         ],
         "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
           "language_info": { "name": "polyglot-notebook" },
           "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [ { "aliases": [], "name": "csharp" } ] } } },
         "nbformat": 4, "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Ipynb_reader_takes_languages_sources_and_tags_as_polyglot_writes_them()
    {
        var notebook = IpynbReader.Parse("n.ipynb", PolyglotIpynb);

        notebook
            .Cells.Select(c => c.Kind)
            .Should()
            .Equal(CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code, CellKind.Markdown);
        notebook.Cells.Select(c => c.Language).Should().Equal("markdown", "csharp", "fsharp", "csharp", "markdown");
        notebook.Cells[0].Source.Should().Be("# Title\ntext");
        notebook.Cells[1].Source.Should().Be("var x = 1;\nvar y = 2;");
        notebook.Cells[1].Tags.Should().Equal("parameters");
        notebook.Cells[4].Source.Should().Be("## Hidden markdown");
        notebook.Metadata["kernelspec"]!["name"]!.GetValue<string>().Should().Be(".net-csharp");
    }

    [Theory]
    [InlineData("{ \"cells\": [ }", "invalid JSON at line 1")]
    [InlineData("{ \"cells\": [], \"nbformat\": 3 }", "nbformat: expected 4, received 3")]
    [InlineData("{ \"cells\": [], \"nbformat\": \"4\" }", "nbformat: expected a whole number, received string \"4\"")]
    [InlineData(
        "{ \"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 4.5 }",
        "nbformat_minor: expected a whole number, received number 4.5"
    )]
    [InlineData("{ \"nbformat\": 4 }", "cells: expected an array, received none")]
    [InlineData("{ \"nbformat\": 4, \"cells\": {} }", "cells: expected an array, received an object")]
    [InlineData(
        "{ \"nbformat\": 4, \"metadata\": [], \"cells\": [] }",
        "metadata: expected an object, received an array"
    )]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ 7 ] }", "cells[0]: expected an object, received number 7")]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"picture\" } ] }",
        "cells[0].cell_type: expected code, markdown or raw, received 'picture'"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ {\"cell_type\": \"raw\"}, {\"cell_type\": \"raw\"}, {\"cell_type\": "
            + "\"raw\"}, { \"cell_type\": 2 } ] }",
        "cells[3].cell_type: expected a string, received number 2"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": 5 } ] }",
        "cells[0].source: expected a string or an array of strings, received number 5"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": [\"a\", null] } ] }",
        "cells[0].source[1]: expected a string, received null"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": \"\", \"execution_count\": \"1\" } ] }",
        "cells[0].execution_count: expected a whole number, received string \"1\""
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": \"\", \"outputs\": [ { "
            + "\"output_type\": \"stream\", \"text\": 1 } ] } ] }",
        "cells[0].outputs[0].text: expected a string or an array of strings, received number 1"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": \"\", \"outputs\": [ { "
            + "\"output_type\": \"picture\" } ] } ] }",
        "cells[0].outputs[0].output_type: expected stream, display_data, execute_result or error, received 'picture'"
    )]
    [InlineData(
        "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"markdown\", \"source\": \"\", \"attachments\": [] } ] }",
        "cells[0].attachments: expected an object, received an array"
    )]
    public void Ipynb_reader_rejects_bad_files_naming_the_problem(string json, string message) =>
        FluentActions
            .Invoking(() => IpynbReader.Parse("bad.ipynb", json))
            .Should()
            .Throw<NotebookFormatException>()
            .WithMessage($"bad.ipynb: {message}*");

    [Fact]
    public void Dib_reader_splits_on_kernel_separators_and_keeps_magic_commands_in_cells()
    {
        const string dib =
            "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\"}]}}\n\n"
            + "#!markdown\n\n# "
            + "Title\n\n#!csharp\n\n// parameters\nvar days = 7;\n\n#!csharp\n\n#!time\nvar x = days * "
            + "2;\n\n#!html\n\n<p>hi</p>\n";

        var notebook = DibReader.Parse("n.dib", dib);

        notebook.Format.Should().Be(NotebookFormat.Dib);
        notebook
            .Cells.Select(c => (c.Kind, c.Language))
            .Should()
            .Equal(
                (CellKind.Markdown, "markdown"),
                (CellKind.Code, "csharp"),
                (CellKind.Code, "csharp"),
                (CellKind.Code, "html")
            );
        notebook.Cells[1].Tags.Should().Equal("parameters");
        notebook.Cells[2].Source.Should().Be("#!time\nvar x = days * 2;");
        notebook.Cells[3].Source.Should().Be("<p>hi</p>");
        notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!
            .GetValue<string>()
            .Should()
            .Be("csharp");
    }

    [Fact]
    public void Dib_text_before_any_separator_is_a_csharp_cell() =>
        DibReader.Parse("n.dib", "var a = 1;\n").Cells.Should().ContainSingle().Which.Source.Should().Be("var a = 1;");

    [Fact]
    public void Writer_produces_nbformat_4_5_with_unique_ids_and_typed_outputs()
    {
        var notebook = IpynbReader.Parse("n.ipynb", PolyglotIpynb);
        notebook.Cells[1].ExecutionCount = 1;
        notebook.Cells[1].Outputs.Add(new StreamOutput("stdout", "a\nb\n"));
        notebook
            .Cells[1]
            .Outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "3" }, IsResult: true));
        notebook.Cells[1].Outputs.Add(new ErrorOutput("System.Exception", "boom", ["Exception: boom"]));

        var root = JsonNode.Parse(IpynbWriter.Serialize(notebook))!;

        root["nbformat"]!.GetValue<int>().Should().Be(4);
        root["nbformat_minor"]!.GetValue<int>().Should().Be(5);
        var cells = root["cells"]!.AsArray();
        cells.Select(c => c!["id"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        var outputs = cells[1]!["outputs"]!.AsArray();
        outputs.Select(o => o!["output_type"]!.GetValue<string>()).Should().Equal("stream", "execute_result", "error");
        outputs[0]!["text"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal("a\n", "b\n");
        outputs[1]!["execution_count"]!.GetValue<int>().Should().Be(1);
        cells[1]!["metadata"]!["tags"]![0]!.GetValue<string>().Should().Be("parameters");
    }

    [Fact]
    public void Executed_notebook_reads_back_with_its_outputs_and_execution_counts()
    {
        var notebook = IpynbReader.Parse("n.ipynb", PolyglotIpynb);
        notebook.Cells[1].ExecutionCount = 4;
        CellOutput[] outputs =
        [
            new StreamOutput("stderr", "warn\nmore"),
            new DisplayOutput(
                new Dictionary<string, string> { ["text/html"] = "<b>x</b>\n<i>y</i>", ["text/plain"] = "x" }
            ),
            new ErrorOutput("System.Exception", "boom", ["Exception: boom", "at here"]),
        ];
        notebook.Cells[1].Outputs.AddRange(outputs);

        var again = IpynbReader.Parse("n.ipynb", IpynbWriter.Serialize(notebook));

        again.Cells[1].ExecutionCount.Should().Be(4);
        again.Cells[1].Outputs.Should().BeEquivalentTo(outputs, o => o.RespectingRuntimeTypes());
        again.Cells[3].ExecutionCount.Should().BeNull();
    }

    [Fact]
    public void Writer_without_outputs_writes_a_clean_notebook_that_reads_back_the_same()
    {
        var notebook = IpynbReader.Parse("n.ipynb", PolyglotIpynb);
        notebook.Cells[1].Outputs.Add(new StreamOutput("stdout", "x"));

        var clean = IpynbWriter.Serialize(notebook, includeOutputs: false);
        var again = IpynbReader.Parse("n.ipynb", clean);

        JsonNode.Parse(clean)!["cells"]![1]!["outputs"]!.AsArray().Should().BeEmpty();
        again.Cells.Select(c => c.Source).Should().Equal(notebook.Cells.Select(c => c.Source));
        again.Cells.Select(c => c.Language).Should().Equal(notebook.Cells.Select(c => c.Language));
    }
}
