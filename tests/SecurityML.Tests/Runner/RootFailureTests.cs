using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary>
/// The first failure of a notebook (its root failure) comes first and in full on the console, in the report's header
/// and on the index page; the later failures, which may only follow from it, come after it as secondary, and every
/// one is kept. Cells after a failure still run, and a failed cell keeps its own error output.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class RootFailureTests : IDisposable
{
    private const string Token = "eyJ0eXAi.ROOT-FAILURE-SECRET-7d2e.c2ln";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>In [2] throws; In [3] and In [5] use its variable and fail too; In [4] does not and succeeds.</summary>
    private static string FailingNotebook() =>
        NotebookIsolationTests.Notebook(
            "int[] Parse(string text) => throw new FormatException(\"rows.csv, line 13: malformed row <\" + text "
                + "+ \"> & token \" + Environment.GetEnvironmentVariable(\"SECML_ACCESS_TOKEN\"));",
            "var rows = Parse(\"b\");",
            "var total = rows.Sum();",
            "Console.WriteLine(\"independent \" + (6 * 7));",
            "rows.Length"
        );

    private const string RootMessage =
        "In [2], line 1: FormatException: rows.csv, line 13: malformed row <b> & token [redacted]";

    private const string RootMessageHtml =
        "In [2], line 1: FormatException: rows.csv, line 13: malformed row &lt;b&gt; &amp; token [redacted]";

    private const string Later = "2 later cells also failed (they may follow from In [2])";

    [Fact]
    public void Console_report_and_index_show_the_root_failure_first_and_the_later_ones_after_it()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        _folder.Write("nbs/a-fails.ipynb", FailingNotebook());
        _folder.Write("nbs/b-fine.ipynb", NotebookIsolationTests.Notebook("6 * 7"));

        var (exitCode, output) = SecmlProcess.Run(
            new Dictionary<string, string> { ["SECML_ACCESS_TOKEN"] = Token },
            "run",
            _folder["nbs"],
            "-o",
            _folder["out"]
        );

        exitCode.Should().Be(2, "a cell failed\n" + output);
        output
            .Should()
            .Contain(
                $".html\n  {RootMessage}\n  {Later}: In [3], In [5]; every failure is in the report\n",
                "the FAILED line is followed by the root failure in full, then one line for the later cells"
            )
            .And.NotContain("ArgumentNullException", "later failures are counted on the console, not quoted")
            .And.NotContain("ROOT-FAILURE-SECRET");

        var report = File.ReadAllText(_folder["out/a-fails.html"]);
        var header = report[report.IndexOf("<header", StringComparison.Ordinal)..report.IndexOf("</header>")];
        header
            .Should()
            .Contain($"<p class=\"error root-failure\"><a href=\"#in-2\">{RootMessageHtml}</a></p>")
            .And.Contain($"<details class=\"later-failures\">\n<summary>{Later}</summary>")
            .And.NotContain("&amp;lt;", "data is encoded once")
            .And.NotContain("ROOT-FAILURE-SECRET");
        var links = Regex.Matches(header, "<a href=\"#(in-[0-9]+)\">").Select(m => m.Groups[1].Value);
        links.Should().Equal(["in-2", "in-3", "in-5"], "the root failure comes first, every later one is kept");
        header
            .IndexOf("<details", StringComparison.Ordinal)
            .Should()
            .BeGreaterThan(header.IndexOf("root-failure", StringComparison.Ordinal));
        header
            .Should()
            .Contain("<li><a href=\"#in-3\">In [3], line 1: ArgumentNullException: Value cannot be null.")
            .And.Contain("<li><a href=\"#in-5\">In [5], line 1: NullReferenceException:");

        var index = File.ReadAllText(_folder["out/index.html"]);
        var row = Regex.Match(index, "<tr class=\"notebook\">(.*?)</tr>").Groups[1].Value;
        row.Should()
            .Contain(
                $"<td><div class=\"root-failure\">{RootMessageHtml}</div><details class=\"later-failures\">"
                    + $"<summary>{Later}</summary><div>In [3], line 1: ArgumentNullException"
            )
            .And.Contain("<div>In [5], line 1: NullReferenceException")
            .And.NotContain("ROOT-FAILURE-SECRET");

        using var browser = new HeadlessChromium();
        ShouldShowRootAndHideLater(browser, _folder["out/a-fails.html"], "header.summary");
        ShouldShowRootAndHideLater(browser, _folder["out/index.html"], "table.index tbody tr");

        var cells = JsonNode.Parse(File.ReadAllText(_folder["out/a-fails.ipynb"]))!["cells"]!.AsArray();
        cells[3]!["outputs"]!.ToJsonString().Should().Contain("independent 42", "an independent later cell still runs");
        cells
            .Select(cell => cell!["outputs"]!.AsArray().Any(o => o!["output_type"]!.GetValue<string>() == "error"))
            .Should()
            .Equal([false, true, true, false, true], "each failed cell keeps its own error output");
    }

    /// <summary>
    /// In Chromium: the root failure's text is shown as written (decoded once), the later failures are hidden behind
    /// their summary until it is clicked.
    /// </summary>
    private static void ShouldShowRootAndHideLater(HeadlessChromium browser, string page, string container)
    {
        browser.Open(page);
        string Visible() => (string)browser.Script($"return document.querySelector('{container}').innerText")!;
        Visible()
            .Should()
            .Contain(RootMessage)
            .And.Contain(Later)
            .And.NotContain("ArgumentNullException", "later failures are collapsed");
        browser.Driver.FindElement(OpenQA.Selenium.By.CssSelector("details.later-failures > summary")).Click();
        Visible()
            .Should()
            .Contain("In [3], line 1: ArgumentNullException")
            .And.Contain("In [5], line 1: NullReferenceException");
    }

    [Fact]
    public void One_failure_has_no_later_line_and_a_message_without_a_cell_names_the_first_failure()
    {
        RootFailure.LaterSummary([]).Should().BeNull();
        RootFailure.LaterSummary(["In [4], line 3: DataFormatException: x"]).Should().BeNull();
        RootFailure.ConsoleLines(["In [4], line 3: E: x"]).Should().Be("\n  In [4], line 3: E: x");
        RootFailure
            .LaterSummary(["In [12], line 3: E: x", "In [13], line 1: E: y"])
            .Should()
            .Be("1 later cell also failed (they may follow from In [12])");
        RootFailure
            .LaterSummary(["the process ended", "In [1]: E: y", "In [2]: E: z"])
            .Should()
            .Be("2 later cells also failed (they may follow from the first failure)");
        RootFailure.CellLabel("x In [4]: E").Should().BeNull("only a message that begins with the cell names it");
    }

    [Fact]
    public async Task A_missing_relative_reference_says_that_r_paths_are_relative_to_the_notebook_s_folder()
    {
        // The real notebook copied out of notebooks/: its #r "../artifacts/lib/SecurityML.dll" now points elsewhere.
        Directory.CreateDirectory(_folder["copied"]);
        var path = _folder["copied/03.ipynb"];
        File.Copy(Path.Combine(RepositoryPaths.Notebooks, "03-logon-anomalies-guided-investigation.ipynb"), path);

        var result = await NotebookExecutor.RunAsync(NotebookDocument.Load(path));

        result.Failures.Should().HaveCountGreaterThan(2);
        result
            .Failures[0]
            .Message.Should()
            .MatchRegex(@"^In \[[0-9]+\], line 1, column 1: error CS0006: ")
            .And.EndWith(
                "Metadata file '../artifacts/lib/SecurityML.dll' could not be found (#r paths are relative to the "
                    + $"notebook's folder: this one is {_folder["artifacts/lib/SecurityML.dll"]}; a notebook copied to "
                    + "another folder needs its #r paths changed)"
            );
        result.Failures.Skip(1).Should().NotContain(f => f.Message.Contains("#r paths"), "only CS0006 gets the hint");
    }

    [Fact]
    public async Task A_missing_rooted_reference_gets_no_hint()
    {
        var missing = _folder["nowhere/missing.dll"];
        var result = await new NotebookBuilder().Code($"#r \"{missing}\"").RunAsync(_folder);

        result
            .Failures.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be($"In [1], line 1, column 1: error CS0006: Metadata file '{missing}' could not be found");
    }
}
