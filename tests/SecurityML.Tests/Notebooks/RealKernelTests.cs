using System.Globalization;
using Xunit.Abstractions;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ runs in the real .NET Interactive kernel (through dotnet-repl, what VS Code users
/// run) without errors, and what it shows there is what <c>secml run</c> shows: charts are plotly.js figures,
/// tables are HTML tables with column headers, console text matches. See <see cref="RealKernelRun"/> for how the
/// notebooks run (parameters, parallelism, timeouts); a missing tool fails every test with "run dotnet tool restore".
/// </summary>
/// <remarks>
/// Compared with secml, these differences are allowed:
/// <list type="bullet">
/// <item>Console text: dotnet-repl records a cell's stdout and stderr as one <c>stdout</c> stream, after the cell's
/// displayed values and with extra blank lines, so a cell's console lines are compared in order over both streams,
/// ignoring blank lines, trailing white space and where they stand among the displayed values.</item>
/// <item>Results folder: the two runs write to different temporary roots (of equal length, so text the library cuts
/// to a maximum length is cut at the same place); each is replaced by <c>&lt;output&gt;</c> in console text, text
/// values and table cells.</item>
/// <item>Text values: secml writes a scalar as <c>text/plain</c>, the kernel as
/// <c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;</c> HTML; their visible text is compared.</item>
/// <item>Charts: the figure JSON must be equal; the div id and the loader script around it are not compared.</item>
/// <item>Tables: header and cell text must be equal (tags, attributes, styles and hover titles are not
/// compared).</item>
/// <item>Not compared: markdown, execution counts and cell metadata, and HTML that is neither a chart, a table, a tree
/// view nor plain text.</item>
/// </list>
/// </remarks>
[Collection(NotebookExecutionCollection.Name)]
public sealed class RealKernelTests : IClassFixture<RealKernelRun>
{
    private readonly RealKernelRun _run;
    private readonly ITestOutputHelper _output;

    /// <summary>Takes the shared run of all notebooks.</summary>
    public RealKernelTests(RealKernelRun run, ITestOutputHelper output)
    {
        _run = run;
        _output = output;
    }

    /// <summary>Every notebook's name, without extension.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in RealKernelRun.NotebookPaths)
            data.Add(Path.GetFileNameWithoutExtension(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_in_the_real_kernel_without_errors(string name)
    {
        _run.ToolProblem.Should().BeNull();
        _run.KernelRuns.Should().ContainKey(name);
        var run = _run.KernelRuns[name];
        _output.WriteLine(Timings(name));

        run.ExitCode.Should()
            .NotBeNull(
                $"{name} should finish in the real kernel within {RealKernelRun.NotebookTimeout}; dotnet-repl "
                    + $"wrote: {run.Output}"
            );
        run.ExitCode.Should()
            .Be(0, $"dotnet-repl exits 0 only when every cell of {name} succeeded; it wrote: {run.Output}");
        File.Exists(_run.KernelNotebook(name)).Should().BeTrue($"dotnet-repl should write the executed {name}");
        KernelComparison
            .Errors(name, ExecutedNotebook.Load(_run.KernelNotebook(name), _run.KernelInput(name)))
            .Should()
            .BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_chart_is_a_plotly_figure_equal_to_secmls(string name)
    {
        var (kernel, secml) = Executed(name);

        KernelComparison.Charts(name, kernel, secml).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_table_is_an_html_table_with_column_headers_as_in_secml(string name)
    {
        var (kernel, secml) = Executed(name);

        KernelComparison.Tables(name, kernel, secml, _run.KernelFolder, _run.SecmlFolder).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Text_outputs_match_secml_run(string name)
    {
        var (kernel, secml) = Executed(name);

        KernelComparison.Text(name, kernel, secml, _run.KernelFolder, _run.SecmlFolder).Should().BeEmpty();
    }

    private (ExecutedNotebook Kernel, ExecutedNotebook Secml) Executed(string name)
    {
        _run.ToolProblem.Should().BeNull();
        File.Exists(_run.SecmlNotebook(name))
            .Should()
            .BeTrue($"secml run should write the executed {name}; its log: {_run.Secml.Log}");
        File.Exists(_run.KernelNotebook(name))
            .Should()
            .BeTrue(
                $"dotnet-repl should write the executed {name}; it wrote: "
                    + $"{_run.KernelRuns.GetValueOrDefault(name)?.Output}"
            );
        var secml = ExecutedNotebook.Load(_run.SecmlNotebook(name));
        secml
            .Cells.SelectMany(c => c.Outputs)
            .Should()
            .NotContain(
                o => o.OutputType == "error",
                $"secml run is the reference and should run {name} without errors; its log: {_run.Secml.Log}"
            );
        return (ExecutedNotebook.Load(_run.KernelNotebook(name), _run.KernelInput(name)), secml);
    }

    private string Timings(string name)
    {
        static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var lines = _run
            .KernelRuns.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"  {r.Key}: {Seconds(r.Value.Duration)}{(r.Key == name ? "  <- this test" : "")}");
        return $"Real kernel, {RealKernelRun.Parallelism} at once: {Seconds(_run.KernelDuration)} in all "
            + $"(secml run of the folder alongside: {Seconds(_run.Secml.Duration)})\n"
            + string.Join("\n", lines);
    }
}
