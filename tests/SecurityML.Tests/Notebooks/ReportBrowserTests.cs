using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// Opens HTML reports in headless Chromium with plotly.js inlined from the local npm copy: every chart draws, the
/// console stays clean, and attacker-controlled log strings in tables, chart titles and labels never execute.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class ReportBrowserTests : IDisposable
{
    private const string ImagePayload = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
    private const string ScriptPayload = "</script><script>window.__pwned=2;alert(2)</script>";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string LibraryPath => Path.Combine(RepositoryPaths.Root, "artifacts", "lib", "SecurityML.dll");

    private async Task<string> RunOfflineAsync(string notebookPath)
    {
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = notebookPath,
            OutputDirectory = _folder["out"],
            Offline = true,
        };
        (await NotebookRunner.RunAsync(request, log)).Should().Be(0, log.ToString());
        return _folder[Path.Combine("out", Path.GetFileNameWithoutExtension(notebookPath) + ".html")];
    }

    private static void ShouldHaveDrawnEveryChart(HeadlessChromium browser, int minimumCharts)
    {
        var drawn = browser.WaitUntil(
            _ =>
                Convert.ToInt64(
                    browser.Script(
                        "var d = document.querySelectorAll('div.secml-figure'); return d.length > 0 && "
                            + "[...d].every(x => x.querySelector('svg.main-svg')) ? d.length : 0;"
                    )
                ) >= minimumCharts,
            TimeSpan.FromSeconds(30)
        );
        drawn
            .Should()
            .BeTrue(
                $"every chart div should hold a rendered plot; page text: "
                    + $"{browser.Script("return document.body.innerText.slice(0, 500)")}"
            );
    }

    [Fact]
    public async Task Getting_started_report_draws_every_chart_without_console_errors()
    {
        var report = await RunOfflineAsync(Path.Combine(RepositoryPaths.Notebooks, "00-getting-started.ipynb"));
        using var browser = new HeadlessChromium();

        browser.Open(report);

        ShouldHaveDrawnEveryChart(browser, minimumCharts: 1);
        browser.ConsoleErrors().Should().BeEmpty();
    }

    [Fact]
    public async Task Log_strings_in_tables_titles_and_labels_are_shown_as_text_and_never_execute()
    {
        var notebook = new NotebookBuilder()
            .Code($"#r \"{LibraryPath}\"\nusing SecurityML.Charts;")
            .Code(
                $"var evil = new[] {{ {Literal(ImagePayload)}, {Literal(ScriptPayload)} }};\nrecord Access(string "
                    + $"Account, string Share);"
            )
            .Code("evil.Select(e => new Access(e, \"\\\\\\\\fs01\\\\\" + e))")
            .Code(
                "Chart.ScoreDistribution(new[] { 0.1, 0.2, 0.9 }, new[] { 0.8, 0.95 }, threshold: 0.5, title: "
                    + "evil[0] + evil[1], scoresName: evil[1], abnormalScoresName: evil[0])"
            )
            .Code(
                "Chart.ClusterScatter(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }, new[] { 0, -1 }, hoverTexts: evil, "
                    + "title: evil[1])"
            )
            .Code(
                "var bars = new Figure();\nbars.Data.Add(new Bar { X = evil, Y = new[] { 1.0, 2.0 }, Name = "
                    + "evil[0] });\nbars.Layout.Title = evil[1];\ndisplay(bars);"
            )
            .Code("Console.WriteLine(evil[1]);")
            .WriteTo(_folder["evil.ipynb"]);
        var report = await RunOfflineAsync(notebook);
        using var browser = new HeadlessChromium();

        browser.Open(report);

        ShouldHaveDrawnEveryChart(browser, minimumCharts: 3);
        browser.AlertIsOpen().Should().BeFalse();
        browser.Script("return window.__pwned === undefined").Should().Be(true);
        browser.ConsoleErrors().Should().BeEmpty();
        var text = (string)browser.Script("return document.body.innerText")!;
        text.Should().Contain(ImagePayload, "the table shows the account as literal text");
        var chartText = (string)
            browser.Script(
                "return [...document.querySelectorAll('div.secml-figure')].map(d => d.textContent).join('\\n')"
            )!;
        chartText.Should().Contain(ScriptPayload, "chart titles and labels show the log string literally");
    }

    [Fact]
    public async Task Folder_run_index_lists_every_notebook_with_status_duration_parameters_and_working_links()
    {
        Directory.CreateDirectory(_folder["nbs"]);
        new NotebookBuilder()
            .Markdown("# Failed logons\nIntro.")
            .Code("var account = \"alice\";\nvar days = 7;", "parameters")
            .Markdown("## Score the *rare* accounts & rank\nText.\n### Why `rare`")
            .Code("Console.WriteLine(account + days);")
            .WriteTo(_folder["nbs/a-params.ipynb"]);
        new NotebookBuilder()
            .Code("throw new InvalidOperationException(\"planted <b>failure</b>\");")
            .WriteTo(_folder["nbs/b-fails.ipynb"]);
        var log = new StringWriter();
        var request = new RunRequest
        {
            Path = _folder["nbs"],
            OutputDirectory = _folder["out"],
            Offline = true,
            Parameters = [new("days", "30")],
        };

        (await NotebookRunner.RunAsync(request, log)).Should().Be(NotebookRunResult.CellFailed, log.ToString());

        log.ToString()
            .Should()
            .Contain($"2 notebooks: 1 failed, 1 ok in ")
            .And.Contain($"; index: {Path.Combine(_folder["out"], "index.html")}");
        using var browser = new HeadlessChromium();
        browser.Open(_folder["out/index.html"]);
        var rows = Rows(browser, "table.index tbody tr");
        rows.Should().HaveCount(2);
        rows[0][0].Should().Be("a-params");
        rows[0][1].Should().Be("ok");
        rows[0][2].Should().MatchRegex(@"^[0-9]+\.[0-9] s$");
        rows[0]
            [3]
            .Should()
            .Be("account = alice\ndays = 30", "the parameters cell's variables, with the injected value");
        rows[1][1].Should().Be("failed");
        rows[1]
            [4]
            .Should()
            .Be("In [1], line 1: InvalidOperationException: planted <b>failure</b>", "problems are shown as text");
        var links =
            (IReadOnlyCollection<object>)
                browser.Script("return [...document.querySelectorAll('table.index a')].map(a => a.href)")!;
        links
            .Select(link => new Uri((string)link).LocalPath)
            .Should()
            .Equal(
                _folder["out/a-params.html"],
                _folder["out/a-params.ipynb"],
                _folder["out/b-fails.html"],
                _folder["out/b-fails.ipynb"]
            );
        links.Should().OnlyContain(link => File.Exists(new Uri((string)link).LocalPath));

        browser.Driver.FindElement(OpenQA.Selenium.By.CssSelector("a.report")).Click();
        browser
            .WaitUntil(d => d.Url.EndsWith("a-params.html", StringComparison.Ordinal), TimeSpan.FromSeconds(10))
            .Should()
            .BeTrue();
        var contents =
            (IReadOnlyCollection<object>)
                browser.Script(
                    "return [...document.querySelectorAll('nav.toc a')].map(a => a.textContent + ' -> ' + "
                        + "(document.getElementById(a.hash.slice(1)) ? a.hash : 'missing'))"
                )!;
        // Markdown stripped, text encoded once; cell 2 of the executed notebook is the injected-parameters cell.
        contents
            .Should()
            .Equal("Failed logons -> #cell-1", "Score the rare accounts & rank -> #cell-4", "Why rare -> #cell-4");
        Rows(browser, "table.parameters tbody tr")
            .Select(row => string.Join(" | ", row))
            .Should()
            .Equal("account | string | alice", "days | int | 30");
    }

    private static List<string[]> Rows(HeadlessChromium browser, string selector) =>
        (
            (IReadOnlyCollection<object>)
                browser.Script(
                    $"return [...document.querySelectorAll('{selector}')].map(r => [...r.cells].map(c => "
                        + $"c.innerText.trim()))"
                )!
        )
            .Select(row => ((IReadOnlyCollection<object>)row).Select(cell => (string)cell).ToArray())
            .ToList();

    private static string Literal(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
