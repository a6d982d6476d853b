using SecurityML.Charts;
using SecurityML.Runner.Formatting;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// The detectors <see cref="RealKernelTests"/> relies on, on output as the real kernel (dotnet-repl 0.3.259), the
/// library's figure formatter and secml write it: each check accepts the good shape and rejects the bad one.
/// </summary>
public sealed class OutputShapesTests : IDisposable
{
    /// <summary>A sequence of records as dotnet-repl 0.3.259 wrote it for 05-time-series-anomalies (one row
    /// kept).</summary>
    private const string KernelSequence =
        "<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody><tr><td>0</td><td><details "
        + "class=\"dni-treeview\">"
        + "<summary><span class=\"dni-code-hint\"><code>{ TimeGenerated = 03/13/2024 03:00:00 +00:00, Value = "
        + "395577325, Score = 8.89 }</code></span></summary>"
        + "<div><table><thead><tr></tr></thead><tbody><tr><td>TimeGenerated</td><td><span>2024-03-13 "
        + "03:00:00Z</span></td></tr>"
        + "<tr><td>Value</td><td><div "
        + "class=\"dni-plaintext\"><pre>395577325</pre></div></td></tr></tbody></table></div></details></td></tr></"
        + "tbody></table>"
        + "<style>\r\n.dni-code-hint {\r\n    font-style: italic;\r\n}\r\n</style>";

    /// <summary>One object as dotnet-repl 0.3.259 wrote it (<c>new { A = 1, B = "x" }</c>).</summary>
    private const string KernelObject =
        "<details class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>{ A = 1, B = x "
        + "}</code></span></summary><div><table>"
        + "<thead><tr></tr></thead><tbody><tr><td>A</td><td><div "
        + "class=\"dni-plaintext\"><pre>1</pre></div></td></tr></tbody></table></div></details>";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ExecutedOutput Display(string html) =>
        new("display_data", null, "", new Dictionary<string, string> { ["text/html"] = html }, null, null);

    private static string FigureFragment()
    {
        var figure = new Figure();
        figure.Data.Add(
            new Bar
            {
                X = new[] { "a", "b" },
                Y = new[] { 1.0, 2.0 },
                Name = "\"C:\\Windows\\cmd.exe\" <b>",
            }
        );
        return FigureHtml.ToHtml(figure);
    }

    [Fact]
    public void The_kernels_sequence_view_is_rejected_as_an_index_value_list()
    {
        OutputShapes.Classify(Display(KernelSequence)).Should().Be(OutputShape.TreeView);
        OutputShapes.TableProblem(KernelSequence, out _).Should().Contain("'index | value' list");
        OutputShapes.TableProblem(KernelObject, out _).Should().Contain("tree view");
    }

    [Fact]
    public void A_table_with_column_headers_is_accepted_with_its_visible_text()
    {
        var html = ValueFormatter.Format(new[] { new { Account = "CONTOSO\\ana", Score = 2.5 } })["text/html"];

        OutputShapes.Classify(Display(html)).Should().Be(OutputShape.Table);
        OutputShapes.TableProblem(html, out var table).Should().BeNull();
        table!.Headers.Should().Contain(["Account", "Score"]);
        table.Rows.Should().ContainSingle().Which.Should().Contain("CONTOSO\\ana");
        OutputShapes
            .TableProblem("<table><thead><tr><th></th></tr></thead><tbody></tbody></table>", out _)
            .Should()
            .Contain("no header row");
    }

    [Fact]
    public void The_librarys_figure_is_a_plotly_figure_and_a_broken_one_is_not()
    {
        var html = FigureFragment();

        OutputShapes.Classify(Display(html)).Should().Be(OutputShape.Figure);
        OutputShapes.FigureProblem(html, out var figure).Should().BeNull();
        figure!["data"]![0]!["type"]!.GetValue<string>().Should().Be("bar");
        OutputShapes
            .FigureProblem(html.Replace("newPlot(", "draw("), out _)
            .Should()
            .Be("no script calls plotly.js newPlot");
        OutputShapes.FigureProblem(html.Replace("\"type\":\"bar\",", ""), out _).Should().Be("a trace has no type");
    }

    [Fact]
    public void Exception_text_is_found_and_ordinary_text_is_not()
    {
        OutputShapes
            .ExceptionLine(
                "ok\nSystem.InvalidOperationException: boom\n   at Submission#3.<<Initialize>>d__0.MoveNext()"
            )
            .Should()
            .Be("System.InvalidOperationException: boom");
        OutputShapes.ExceptionLine("   at Submission#3.<<Initialize>>d__0.MoveNext()").Should().NotBeNull();
        OutputShapes
            .ExceptionLine("3 exceptions handled at the gateway; 0 errors\nat 10:00 the score rose")
            .Should()
            .BeNull();
    }

    [Fact]
    public void Console_text_compares_over_both_streams_and_names_the_notebook_and_cell_of_a_difference()
    {
        var secml = Notebook(
            "secml.ipynb",
#pragma warning disable RCS0056 // a JSON line as written, kept on one line
            """{"name":"stdout","output_type":"stream","text":"Wrote /s/run/a.csv\n"},{"name":"stderr","output_type":"stream","text":"1 bad line\n"}"""
#pragma warning restore RCS0056
        );
        var same = Notebook(
            "same.ipynb",
            """{"name":"stdout","output_type":"stream","text":["Wrote /k/run/a.csv\n","\n","1 bad line\n"]}"""
        );
        var other = Notebook(
            "other.ipynb",
            """{"name":"stdout","output_type":"stream","text":"Wrote /k/run/b.csv\n1 bad line\n"}"""
        );

        KernelComparison.Text("nb", same, secml, "/k/run", "/s/run").Should().BeEmpty();
        KernelComparison
            .Text("nb", other, secml, "/k/run", "/s/run")
            .Should()
            .ContainSingle()
            .Which.Should()
            .Be("nb cell 2: console line 1 is «Wrote <output>/b.csv», secml's «Wrote <output>/a.csv»");
    }

    private ExecutedNotebook Notebook(string name, string outputs) =>
        ExecutedNotebook.Load(
            _folder.Write(
                name,
                $$"""{"cells":[{"cell_type":"markdown","metadata":{},"source":"# t"},{"cell_type":"code","metadata":{},"outputs":[{{outputs}}],"source":"x"}]}"""
            )
        );
}
