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
        var request = new RunRequest { Path = notebookPath, OutputDirectory = _folder["out"], Offline = true };
        (await NotebookRunner.RunAsync(request, log)).Should().Be(0, log.ToString());
        return _folder[Path.Combine("out", Path.GetFileNameWithoutExtension(notebookPath) + ".html")];
    }

    private static void ShouldHaveDrawnEveryChart(HeadlessChromium browser, int minimumCharts)
    {
        var drawn = browser.WaitUntil(_ => Convert.ToInt64(browser.Script(
            "var d = document.querySelectorAll('div.secml-figure'); return d.length > 0 && [...d].every(x => x.querySelector('svg.main-svg')) ? d.length : 0;")) >= minimumCharts,
            TimeSpan.FromSeconds(30));
        drawn.Should().BeTrue($"every chart div should hold a rendered plot; page text: {browser.Script("return document.body.innerText.slice(0, 500)")}");
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
            .Code($"var evil = new[] {{ {Literal(ImagePayload)}, {Literal(ScriptPayload)} }};\nrecord Access(string Account, string Share);")
            .Code("evil.Select(e => new Access(e, \"\\\\\\\\fs01\\\\\" + e))")
            .Code("Chart.ScoreDistribution(new[] { 0.1, 0.2, 0.9 }, new[] { 0.8, 0.95 }, threshold: 0.5, title: evil[0] + evil[1], scoresName: evil[1], abnormalScoresName: evil[0])")
            .Code("Chart.ClusterScatter(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }, new[] { 0, -1 }, hoverTexts: evil, title: evil[1])")
            .Code("var bars = new Figure();\nbars.Data.Add(new Bar { X = evil, Y = new[] { 1.0, 2.0 }, Name = evil[0] });\nbars.Layout.Title = evil[1];\ndisplay(bars);")
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
        var chartText = (string)browser.Script("return [...document.querySelectorAll('div.secml-figure')].map(d => d.textContent).join('\\n')")!;
        chartText.Should().Contain(ScriptPayload, "chart titles and labels show the log string literally");
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
