using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

[Collection(NotebookExecutionCollection.Name)]
public sealed class NotebookExecutorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Text(NotebookRunResult result, int cell) =>
        string.Concat(
            result
                .Notebook.Cells[cell]
                .Outputs.Select(o =>
                    o switch
                    {
                        DisplayOutput d => d.PlainText ?? d.Html,
                        StreamOutput s => s.Text,
                        ErrorOutput e => e.ErrorValue,
                        _ => "",
                    }
                )
        );

    [Fact]
    public async Task State_carries_across_cells()
    {
        var result = await new NotebookBuilder()
            .Code("var total = 40;")
            .Markdown("Between the cells")
            .Code("using System.Globalization;\nint Twice(int x) => x * 2;\ntotal += 1;")
            .Code("Twice(total).ToString(CultureInfo.InvariantCulture)")
            .RunAsync(_folder);

        result.Succeeded.Should().BeTrue();
        Text(result, 3).Should().Be("82");
        result.Notebook.Cells.Select(c => c.ExecutionCount).Should().Equal(1, null, 2, 3);
    }

    [Fact]
    public async Task Compile_error_names_cell_line_and_column()
    {
        var result = await new NotebookBuilder()
            .Markdown("# Title")
            .Code("var a = 1;\nint b = \"text\";")
            .RunAsync(_folder);

        result.ExitCode.Should().Be(NotebookRunResult.CellFailed);
        result
            .Failures.Should()
            .ContainSingle()
            .Which.Message.Should()
            .StartWith("In [1], line 2, column 9: error CS0029", "the code cell after the markdown ran as In [1]");
        result.Notebook.Cells[1].Outputs.Should().ContainSingle().Which.Should().BeOfType<ErrorOutput>();
    }

    [Fact]
    public async Task Runtime_error_fails_the_cell_and_later_cells_still_run()
    {
        var result = await new NotebookBuilder()
            .Code("var before = 5;")
            .Code("throw new InvalidOperationException(\"boom\");")
            .Code("before * 2")
            .RunAsync(_folder);

        result.ExitCode.Should().Be(NotebookRunResult.CellFailed);
        result
            .Failures.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be("In [2], line 1: InvalidOperationException: boom");
        var error = result.Notebook.Cells[1].Outputs.OfType<ErrorOutput>().Single();
        error.ErrorName.Should().Be("System.InvalidOperationException");
        Text(result, 2).Should().Be("10");
    }

    [Fact]
    public async Task Runtime_error_names_the_line_inside_the_cell_and_the_traceback_has_the_frames()
    {
        var result = await new NotebookBuilder()
            .Code("int Divide(int a, int b)\n{\n    return a / b;\n}")
            .Code("var x = 1;\n\nDivide(x, 0)")
            .RunAsync(_folder);

        result
            .Failures.Single()
            .Message.Should()
            .Be("In [2], line 3: DivideByZeroException: Attempted to divide by zero.");
        var traceback = result.Notebook.Cells[1].Outputs.OfType<ErrorOutput>().Single().Traceback;
        traceback
            .Should()
            .Contain(line => line.Contains("test.ipynb In [1]:line 3"))
            .And.NotContain(line => line.Contains(_folder.Path), "local paths are trimmed from tracebacks");
    }

    [Fact]
    public async Task A_lazy_sequence_that_throws_while_displayed_fails_its_cell_only()
    {
        var result = await new NotebookBuilder()
            .Code("Enumerable.Range(0, 3).Select(i => i < 2 ? i : throw new InvalidOperationException(\"lazy boom\"))")
            .Code("1 + 1")
            .RunAsync(_folder);

        result
            .Failures.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be("In [1], line 1: InvalidOperationException: lazy boom");
        result.Notebook.Cells[1].Outputs.OfType<DisplayOutput>().Single().PlainText.Should().Be("2");
    }

    [Fact]
    public async Task Variables_assigned_before_a_runtime_error_survive()
    {
        var result = await new NotebookBuilder()
            .Code("var counter = 1;")
            .Code("counter = 7;\nthrow new Exception(\"stop\");")
            .Code("counter")
            .RunAsync(_folder);

        Text(result, 2).Should().Be("7");
    }

    [Fact]
    public async Task Display_adds_output_and_update_replaces_it_in_place()
    {
        var result = await new NotebookBuilder()
            .Code("var handle = display(\"first\");\nConsole.WriteLine(\"printed\");")
            .Code("handle.Update(\"second\");")
            .RunAsync(_folder);

        result.Succeeded.Should().BeTrue();
        var outputs = result.Notebook.Cells[0].Outputs;
        outputs.Should().HaveCount(2);
        outputs[0].Should().BeOfType<DisplayOutput>().Which.PlainText.Should().Be("second");
        outputs[1].Should().Be(new StreamOutput("stdout", "printed\n"));
        result.Notebook.Cells[1].Outputs.Should().BeEmpty();
    }

    [Fact]
    public async Task Trailing_expression_is_displayed_as_execute_result_and_statements_are_not()
    {
        var result = await new NotebookBuilder()
            .Code("1 + 2")
            .Code("var x = 3;")
            .Code("Console.Write(\"no value\")")
            .RunAsync(_folder);

        var value = result
            .Notebook.Cells[0]
            .Outputs.Should()
            .ContainSingle()
            .Which.Should()
            .BeOfType<DisplayOutput>()
            .Subject;
        value.IsResult.Should().BeTrue();
        value.PlainText.Should().Be("3");
        result.Notebook.Cells[1].Outputs.Should().BeEmpty();
        result.Notebook.Cells[2].Outputs.Should().Equal(new StreamOutput("stdout", "no value"));
    }

    [Fact]
    public async Task Standard_error_is_a_separate_stream()
    {
        var result = await new NotebookBuilder().Code("Console.Error.WriteLine(\"warn\");").RunAsync(_folder);

        result.Notebook.Cells[0].Outputs.Should().Equal(new StreamOutput("stderr", "warn\n"));
    }

    [Fact]
    public async Task Top_level_await_works()
    {
        var result = await new NotebookBuilder()
            .Code("await Task.Delay(1);\nawait Task.FromResult(42)")
            .RunAsync(_folder);

        Text(result, 0).Should().Be("42");
    }

    [Fact]
    public async Task Current_directory_is_the_notebook_folder_and_is_restored()
    {
        var before = Environment.CurrentDirectory;
        var result = await new NotebookBuilder().Code("Environment.CurrentDirectory").RunAsync(_folder);

        Text(result, 0).Should().Be(_folder.Path);
        Environment.CurrentDirectory.Should().Be(before);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time_and_keeps_line_numbers()
    {
        var result = await new NotebookBuilder().Code("#!time\nvar x = 1;\nint y = \"no\";").RunAsync(_folder);

        result.Failures.Single().Location.Should().Be("In [1], line 3, column 9");
        var ok = await new NotebookBuilder().Code("#!csharp\n#!time\nvar x = 1;").RunAsync(_folder);
        ok.Notebook.Cells[0]
            .Outputs.OfType<StreamOutput>()
            .Single()
            .Text.Should()
            .MatchRegex(@"^Wall time: [0-9.]+ ms\n$");
    }

    [Fact]
    public async Task A_cell_that_overruns_its_timeout_fails_and_later_cells_do_not_run()
    {
        var path = new NotebookBuilder()
            .Code("var started = true;")
            .Code("while (true) { System.Threading.Thread.Sleep(20); }")
            .Code("Console.WriteLine(\"must not run\");")
            .WriteTo(_folder["slow.ipynb"]);

        var result = await NotebookExecutor.RunAsync(
            SecurityML.Runner.NotebookFiles.NotebookDocument.Load(path),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2) }
        );

        result.ExitCode.Should().Be(NotebookRunResult.CellFailed);
        result.Failures.Single().Message.Should().Be("In [2]: timed out after 2 s; the cells after it were not run");
        result.Notebook.Cells[2].ExecutionCount.Should().BeNull();
        result.Notebook.Cells[0].ExecutionCount.Should().Be(1);
    }

    [Fact]
    public async Task Html_helper_returns_markup_displayed_as_html()
    {
        var result = await new NotebookBuilder()
            .Code("HTML(\"<b>bold</b>\")")
            .Code("using Microsoft.AspNetCore.Html;\nIHtmlContent content = HTML(\"<i>x</i>\");\ndisplay(content);")
            .RunAsync(_folder);

        result.Notebook.Cells[0].Outputs.OfType<DisplayOutput>().Single().Html.Should().Be("<b>bold</b>");
        result.Notebook.Cells[1].Outputs.OfType<DisplayOutput>().Single().Html.Should().Be("<i>x</i>");
    }

    [Fact]
    public async Task Sequences_of_records_render_as_an_encoded_html_table()
    {
        var result = await new NotebookBuilder()
            .Code(
                "record Access(string Account, int Count);\nnew[] { new Access(\"<img src=x onerror=alert(1)>\", "
                    + "3), new Access(\"bob\", 5) }"
            )
            .RunAsync(_folder);

        var html = result.Notebook.Cells[0].Outputs.OfType<DisplayOutput>().Single().Html;
        html.Should()
            .Contain("<th>Account</th><th>Count</th>")
            .And.Contain("<td>&lt;img src=x onerror=alert(1)&gt;</td><td>3</td>")
            .And.NotContain("<img");
    }
}
