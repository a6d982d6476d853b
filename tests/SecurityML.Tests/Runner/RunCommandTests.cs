using System.Text.Json.Nodes;
using SecurityML.Runner;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

[Collection(NotebookExecutionCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Failing_cell_gives_exit_code_2_and_still_writes_notebook_and_report()
    {
        var path = new NotebookBuilder()
            .Markdown("# Failing *demo*")
            .Code("var account = \"</script><script>alert(1)</script>\";\nConsole.WriteLine(account);")
            .Code("throw new ArgumentException(\"bad <b>input</b>\");")
            .Code("account.Length")
            .WriteTo(_folder["demo.ipynb"]);

        var exitCode = await Program.Main(["run", path, "--output", _folder["out"]]);

        exitCode.Should().Be(2);
        var executed = JsonNode.Parse(File.ReadAllText(_folder["out/demo.ipynb"]))!;
        executed["cells"]![3]!["outputs"]![0]!["data"]!["text/plain"]![0]!.GetValue<string>().Should().Be("34");
        var report = File.ReadAllText(_folder["out/demo.html"]);
        report
            .Should()
            .Contain(">Failing <em>demo</em></h1>")
            .And.Contain("<a href=\"#in-2\">In [2], line 1: ArgumentException: bad &lt;b&gt;input&lt;/b&gt;</a>")
            .And.Contain("<section class=\"cell code failed\" id=\"in-2\">\n<div class=\"prompt\">In [2]:</div>")
            .And.Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
            .And.NotContain("<script>alert(1)")
            .And.Contain("https://cdn.plot.ly/plotly-");
    }

    [Fact]
    public async Task Successful_folder_run_gives_exit_code_0_and_outputDir_per_notebook()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        new NotebookBuilder()
            .Code("var outputDir = \"unset\";", "parameters")
            .Code("outputDir")
            .WriteTo(_folder["nbs/a.ipynb"]);
        new NotebookBuilder().Code("1 + 1").WriteTo(_folder["nbs/b.ipynb"]);

        var exitCode = await Program.Main(["run", _folder["nbs"], "-o", _folder["out"], "--param", "unused=1"]);

        exitCode.Should().Be(0);
        var executed = JsonNode.Parse(File.ReadAllText(_folder["out/a.ipynb"]))!;
        executed["cells"]![2]!["outputs"]![0]!["data"]!["text/plain"]![0]!
            .GetValue<string>()
            .Should()
            .Be(Path.Combine(_folder["out"], "a"));
        File.Exists(_folder["out/b.html"]).Should().BeTrue();
    }

    [Fact]
    public async Task Missing_notebook_gives_exit_code_1()
    {
        (await Program.Main(["run", _folder["nothing.ipynb"], "-o", _folder["out"]])).Should().Be(1);
    }

    [Fact]
    public async Task Offline_with_explicit_plotly_inlines_it_and_escapes_closing_script_tags()
    {
        File.WriteAllText(_folder["plotly.min.js"], "window.Plotly = { marker: '</script>' };");
        var path = new NotebookBuilder().Code("1").WriteTo(_folder["n.ipynb"]);

        (await Program.Main(["run", path, "-o", _folder["out"], "--offline", "--plotly-js", _folder["plotly.min.js"]]))
            .Should()
            .Be(0);

        var report = File.ReadAllText(_folder["out/n.html"]);
        report
            .Should()
            .Contain("<script>window.Plotly = { marker: '<\\/script>' };</script>")
            .And.NotContain("cdn.plot.ly");
    }
}
