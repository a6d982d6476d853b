using System.Diagnostics;
using System.Text.Json.Nodes;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary>
/// <c>secml run</c> and <c>secml clean</c> as processes: a notebook that ends its process, overruns its timeout or is
/// not valid notebook JSON fails alone (its executed notebook and report say why) and the next notebook runs cleanly;
/// clean and run keep what they do not own; printed output is captured in linear time and capped.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class NotebookIsolationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>An nbformat 4.5 notebook of code cells with the given sources (also used by other runner
    /// tests).</summary>
    internal static string Notebook(params string[] cells) =>
        new JsonObject
        {
            ["cells"] = new JsonArray(
                cells
                    .Select(source =>
                        (JsonNode)
                            new JsonObject
                            {
                                ["cell_type"] = "code",
                                ["execution_count"] = null,
                                ["metadata"] = new JsonObject(),
                                ["outputs"] = new JsonArray(),
                                ["source"] = source,
                            }
                    )
                    .ToArray()
            ),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();

    private JsonObject Executed(string name) =>
        JsonNode.Parse(File.ReadAllText(_folder[Path.Combine("out", name + ".ipynb")]))!.AsObject();

    private string Report(string name) => File.ReadAllText(_folder[Path.Combine("out", name + ".html")]);

    private static string Outputs(JsonNode cell) => cell["outputs"]!.ToJsonString();

    [Fact]
    public void Exit_timeout_and_malformed_notebooks_fail_alone_and_the_next_notebook_runs_cleanly()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        _folder.Write(
            "nbs/a-exit.ipynb",
            Notebook(
                "Console.WriteLine(\"before exit\");",
                "Environment.Exit(0);",
                "Console.WriteLine(\"after exit\");"
            )
        );
        _folder.Write(
            "nbs/b-timeout.ipynb",
            Notebook(
                "var runaway = new System.Threading.Thread(() => { while (true) { Console.WriteLine(\"runaway\"); "
                    + "System.Threading.Thread.Sleep(20); } });",
                "runaway.Start();\nwhile (true) { System.Threading.Thread.Sleep(20); }",
                "Console.WriteLine(\"after timeout\");"
            )
        );
        _folder.Write("nbs/c-malformed.ipynb", Notebook("1").Replace("\"nbformat\":4", "\"nbformat\":\"4\""));
        _folder.Write(
            "nbs/d-fine.ipynb",
            Notebook("System.Threading.Thread.Sleep(500);\nConsole.WriteLine(\"d ran\");", "6 * 7")
        );

        var (exitCode, output) = SecmlProcess.Run("run", _folder["nbs"], "-o", _folder["out"], "--cell-timeout", "3");

        exitCode.Should().Be(2, "cells failed (README: 2 a cell failed)\n" + output);
        var a = Executed("a-exit")["cells"]!.AsArray();
        Outputs(a[0]!).Should().Contain("before exit");
        Outputs(a[1]!)
            .Should()
            .Contain("In [2]: the process was ended (exit code 0) while this cell ran, by Environment.Exit");
        a[2]!["execution_count"].Should().BeNull("the cells after the exit did not run");
        Report("a-exit")
            .Should()
            .Contain("<a href=\"#in-2\">In [2]: the process was ended (exit code 0)")
            .And.Contain("The run failed");

        var b = Executed("b-timeout")["cells"]!.AsArray();
        Outputs(b[1]!).Should().Contain("In [2]: timed out after 3 s");
        b[2]!["execution_count"].Should().BeNull();
        Report("b-timeout").Should().Contain("<a href=\"#in-2\">In [2]: timed out after 3 s");

        Executed("c-malformed")["metadata"]!["secml"]!["error"]!
            .GetValue<string>()
            .Should()
            .EndWith("c-malformed.ipynb: nbformat: expected a whole number, received string \"4\"");
        Report("c-malformed").Should().Contain("nbformat: expected a whole number, received string &quot;4&quot;");

        var d = Executed("d-fine")["cells"]!.AsArray();
        d.Select(cell => cell!["execution_count"]!.GetValue<int>()).Should().Equal(1, 2);
        Outputs(d[0]!)
            .Should()
            .Contain("d ran")
            .And.NotContain("runaway", "the timed-out cell of b ended with its process");
        Outputs(d[1]!).Should().Contain("42");
        output.Should().Contain("ok " + Path.Combine(_folder["nbs"], "d-fine.ipynb")).And.NotContain("runaway");
        output
            .Should()
            .Contain("[4/4] " + Path.Combine(_folder["nbs"], "d-fine.ipynb"))
            .And.MatchRegex(
                @"\n4 notebooks: 2 failed, 1 not run, 1 ok in [0-9]+\.[0-9] s; index: "
                    + System.Text.RegularExpressions.Regex.Escape(_folder["out"])
                    + "/index.html\n"
            );
        // The index gets each child's result across the process boundary, also for the notebooks that did not finish.
        var rows = System
            .Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(_folder["out/index.html"]),
                "<tr class=\"notebook\">(.*?)</tr>"
            )
            .Select(match => match.Groups[1].Value)
            .ToList();
        rows.Should().HaveCount(4);
        rows[0]
            .Should()
            .Contain("href=\"a-exit.html\"")
            .And.Contain("status-failed")
            .And.Contain("In [2]: the process was ended (exit code 0)");
        rows[1].Should().Contain("status-failed").And.Contain("In [2]: timed out after 3 s");
        rows[2]
            .Should()
            .Contain("status-not-run")
            .And.Contain("nbformat: expected a whole number")
            .And.Contain("href=\"c-malformed.ipynb\"");
        rows[3]
            .Should()
            .Contain("status-ok")
            .And.MatchRegex(@"<td class=""duration"">(0\.[5-9]|[1-9][0-9]*\.[0-9]) s</td>");
    }

    [Fact]
    public void A_crashed_notebook_process_is_reported_and_the_next_notebook_runs()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        _folder.Write(
            "nbs/a-crash.ipynb",
            Notebook("Console.WriteLine(\"lost\");", "Environment.FailFast(\"crash in a cell\");")
        );
        _folder.Write("nbs/b-fine.ipynb", Notebook("6 * 7"));

        var (exitCode, output) = SecmlProcess.Run("run", _folder["nbs"], "-o", _folder["out"]);

        exitCode.Should().Be(2, output);
        var error = Executed("a-crash")["metadata"]!["secml"]!["error"]!.GetValue<string>();
        error
            .Should()
            .Contain("a-crash.ipynb: the notebook's process ended with exit code")
            .And.Contain("crash in a cell", "its standard error is quoted");
        Executed("a-crash")["cells"]!
            .AsArray()
            .Should()
            .HaveCount(2)
            .And.OnlyContain(cell => cell!["outputs"]!.AsArray().Count == 0);
        Report("a-crash").Should().Contain("The run failed").And.Contain("crash in a cell");
        Outputs(Executed("b-fine")["cells"]![0]!).Should().Contain("42");
    }

    [Fact]
    public void A_notebook_exit_code_is_not_secml_s_exit_code()
    {
        var path = _folder.Write("exit3.ipynb", Notebook("Environment.Exit(3);"));

        var (exitCode, output) = SecmlProcess.Run("run", path, "-o", _folder["out"]);

        exitCode.Should().Be(2, output);
        Report("exit3").Should().Contain("In [1]: the process was ended (exit code 3)");
    }

    [Fact]
    public void A_malformed_notebook_alone_gives_exit_code_1_with_notebook_and_report()
    {
        var path = _folder.Write("bad.ipynb", "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": 3 } ] }");

        var (exitCode, output) = SecmlProcess.Run("run", path, "-o", _folder["out"]);

        exitCode.Should().Be(1, output);
        output.Should().Contain("bad.ipynb: cells[0].cell_type: expected a string, received number 3");
        Executed("bad")["cells"]![0]!["source"]!
            .ToJsonString()
            .Should()
            .Contain("cell_type", "the unreadable file's text is kept in a raw cell");
        Report("bad").Should().Contain("cells[0].cell_type: expected a string, received number 3");
    }

    [Fact]
    public void Clean_strips_outputs_and_keeps_attachments_metadata_and_unknown_fields()
    {
        var path = _folder.Write("pasted.ipynb", JupyterNotebookFixture.Json);
        var original = JsonNode.Parse(JupyterNotebookFixture.Json)!;

        var (exitCode, output) = SecmlProcess.Run("clean", path);

        exitCode.Should().Be(0, output);
        output.Should().Contain("cleaned: " + path);
        var cleaned = JsonNode.Parse(File.ReadAllText(path))!;
        JsonNode
            .DeepEquals(cleaned["cells"]![0]!["attachments"], original["cells"]![0]!["attachments"])
            .Should()
            .BeTrue();
        JsonNode.DeepEquals(cleaned["cells"]![1]!["metadata"], original["cells"]![1]!["metadata"]).Should().BeTrue();
        JsonNode
            .DeepEquals(cleaned["cells"]![1]!["custom_cell_field"], original["cells"]![1]!["custom_cell_field"])
            .Should()
            .BeTrue();
        JsonNode.DeepEquals(cleaned["metadata"], original["metadata"]).Should().BeTrue();
        JsonNode.DeepEquals(cleaned["custom_top_level"], original["custom_top_level"]).Should().BeTrue();
        cleaned["cells"]![1]!["outputs"]!
            .AsArray()
            .Should()
            .BeEmpty("clean strips outputs, including application/json ones");
        SecmlProcess.Run("clean", path, "--check").ExitCode.Should().Be(0, "a cleaned notebook is clean");
    }

    [Fact]
    public void Clean_names_a_malformed_notebook_leaves_it_and_cleans_the_others()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        var bad = _folder.Write(
            "nbs/a-bad.ipynb",
            "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": [1] } ] }"
        );
        var good = _folder.Write("nbs/b-good.ipynb", JupyterNotebookFixture.Json);

        var (exitCode, output) = SecmlProcess.Run("clean", _folder["nbs"]);

        exitCode.Should().Be(1, output);
        output
            .Should()
            .Contain($"not cleaned: {bad}: cells[0].source[0]: expected a string, received number 1")
            .And.Contain("cleaned: " + good);
        File.ReadAllText(bad)
            .Should()
            .Be("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": [1] } ] }");
        JsonNode.Parse(File.ReadAllText(good))!["cells"]![1]!["outputs"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Run_keeps_attachments_and_the_report_inlines_image_attachments()
    {
        var path = _folder.Write("pasted.ipynb", JupyterNotebookFixture.Json);

        var (exitCode, output) = SecmlProcess.Run("run", path, "-o", _folder["out"]);

        exitCode.Should().Be(0, output);
        var executed = Executed("pasted");
        JsonNode
            .DeepEquals(
                executed["cells"]![0]!["attachments"],
                JsonNode.Parse(JupyterNotebookFixture.Json)!["cells"]![0]!["attachments"]
            )
            .Should()
            .BeTrue();
        executed["custom_top_level"]!.ToJsonString().Should().Be("[\"kept\"]");
        Report("pasted")
            .Should()
            .Contain($"<img src=\"data:image/png;base64,{JupyterNotebookFixture.Png}\" alt=\"screenshot\"")
            .And.Contain("<img src=\"data:image/svg+xml;base64,")
            .And.Contain("[attachment 'missing.png' is not in the cell's attachments]")
            .And.Contain("[attachment 'notes.txt' is not an image/* attachment with base64 data]")
            .And.NotContain("attachment:");
    }

    [Fact]
    public void Five_megabytes_of_printed_output_are_captured_in_under_two_seconds_and_capped_with_a_count()
    {
        const string Print =
            "var clock = System.Diagnostics.Stopwatch.StartNew();\nvar line = new string('x', 99);\nfor (var i = "
            + "0; i < {0}; i++) Console.WriteLine(line);\nvar elapsed{1} = clock.Elapsed.TotalSeconds;";
        var path = _folder.Write(
            "loud.ipynb",
            Notebook(
                string.Format(Print, 10_000, 1), // 1,000,000 characters: under the cap, all kept
                string.Format(Print, 50_000, 5), // 5,000,000 characters
                "$\"{elapsed1:0.000} {elapsed5:0.000}\""
            )
        );
        var clock = Stopwatch.StartNew();

        var (exitCode, output) = SecmlProcess.Run("run", path, "-o", _folder["out"]);

        exitCode.Should().Be(0, output);
        var cells = Executed("loud")["cells"]!.AsArray();
        var seconds = cells[2]!["outputs"]![0]!["data"]!["text/plain"]![0]!
            .GetValue<string>()
            .Trim('"')
            .Split(' ')
            .Select(double.Parse)
            .ToList();
        seconds
            .Should()
            .OnlyContain(
                s => s < 2,
                $"printing 1 MB and 5 MB line by line is captured in linear time (secml ran {clock.Elapsed})"
            );
        var first = string.Concat(cells[0]!["outputs"]![0]!["text"]!.AsArray().Select(l => l!.GetValue<string>()));
        first.Length.Should().Be(1_000_000);
        var second = string.Concat(cells[1]!["outputs"]![0]!["text"]!.AsArray().Select(l => l!.GetValue<string>()));
        second
            .Should()
            .StartWith(new string('x', 99) + "\n")
            .And.EndWith(
                "\n[secml: 3,951,424 more characters of stdout were not kept: the limit is 1,048,576 characters "
                    + "per cell and stream]\n"
            );
        new FileInfo(_folder["out/loud.ipynb"])
            .Length.Should()
            .BeLessThan(3_000_000, "the executed notebook holds the capped output");
    }
}
