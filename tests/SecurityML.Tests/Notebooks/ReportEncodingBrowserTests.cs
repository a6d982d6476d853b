using System.Text.RegularExpressions;
using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// Reads what a person sees in every report in headless Chromium (page text, table hover titles, chart text and
/// the hover labels of points carrying quotes, ampersands or angle brackets): text is decoded exactly once, so
/// no <c>&amp;quot;</c>, <c>&amp;amp;lt;</c> or other entity shows, while log strings still never execute.
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed partial class ReportEncodingBrowserTests : IDisposable
{
    private const string Quoted = "\"C:\\Windows\\system32\\cmd.exe\" /c whoami";
    private const string Entities = "&lt;b&gt;already encoded&amp;";
    private const string Image = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";

    // Hovers the first point of every trace and every point whose text could be mis-encoded, 60 ms apart
    // (plotly throttles hover events to one per 50 ms), and returns each hover label's text.
    private const string HoverScript = """
        var done = arguments[arguments.length - 1];
        var texts = [];
        var figures = [...document.querySelectorAll('div.secml-figure')];
        var targets = [];
        figures.forEach(gd => (gd.data || []).forEach((trace, c) => {
          var labels = trace.hovertext || trace.text || [];
          var count = (trace.x || trace.y || []).length;
          for (var p = 0; p < count; p++) {
            var label = Array.isArray(labels) ? labels[p] : labels;
            if (p === 0 || (typeof label === 'string' && /["'&<>]/.test(label))) targets.push([gd, c, p]);
          }
        }));
        targets = targets.slice(0, 150);
        (async () => {
          for (var [gd, c, p] of targets) {
            try { Plotly.Fx.hover(gd, [{ curveNumber: c, pointNumber: p }]); } catch (e) { continue; }
            await new Promise(r => setTimeout(r, 60));
            var layer = gd.querySelector('.hoverlayer');
            if (layer && layer.textContent) texts.push(layer.textContent);
          }
          done(texts);
        })();
        """;

    private const string VisibleTextScript = """
        return [document.body.innerText]
          .concat([...document.querySelectorAll('[title]')].map(e => e.getAttribute('title')))
          .concat([...document.querySelectorAll('div.secml-figure')].map(d => d.textContent))
          .join('\n');
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string LibraryPath => Path.Combine(RepositoryPaths.Root, "artifacts", "lib", "SecurityML.dll");

    [GeneratedRegex("&(?:quot|amp|lt|gt|apos|nbsp|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex EntityPattern();

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

    private static (string Page, List<string> Hovers) ReadVisibleText(HeadlessChromium browser, string report)
    {
        browser.Open(report);
        browser
            .WaitUntil(
                _ =>
                    Convert.ToBoolean(
                        browser.Script(
                            "return [...document.querySelectorAll('div.secml-figure')].every(d => "
                                + "d.querySelector('svg.main-svg') || d.querySelector('canvas'))"
                        )
                    ),
                TimeSpan.FromSeconds(30)
            )
            .Should()
            .BeTrue("every chart should draw in {0}", report);
        browser.Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var hovers = ((IEnumerable<object>)browser.Driver.ExecuteAsyncScript(HoverScript)!)
            .Select(h => (string)h)
            .ToList();
        return ((string)browser.Script(VisibleTextScript)!, hovers);
    }

    [Fact]
    public async Task No_report_shows_an_html_entity_in_its_text_table_titles_or_chart_hover_labels()
    {
        using var browser = new HeadlessChromium();
        var hoversOf06 = new List<string>();
        var reports = 0;

        foreach (var notebook in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Order())
        {
            var (page, hovers) = ReadVisibleText(browser, await RunOfflineAsync(notebook));
            reports++;

            EntityPattern()
                .Matches(page)
                .Select(m => m.Value)
                .Should()
                .BeEmpty("{0} shows text decoded once", notebook);
            EntityPattern()
                .Matches(string.Join("\n", hovers))
                .Select(m => m.Value)
                .Should()
                .BeEmpty("{0}'s hover labels", notebook);
            if (notebook.EndsWith("06-process-clustering.ipynb", StringComparison.Ordinal))
                hoversOf06 = hovers;
        }

        reports.Should().Be(13);
        hoversOf06
            .Should()
            .Contain(
                h => h.Contains("\"C:\\Windows\\system32\\cmd.exe\"", StringComparison.Ordinal),
                "06 says to hover over a point to see its command line, quotes and all"
            );
    }

    [Fact]
    public async Task Log_strings_show_exactly_as_logged_in_tables_hover_titles_and_chart_hovers_and_never_execute()
    {
        var notebook = new NotebookBuilder()
            .Code($"#r \"{LibraryPath}\"\nusing SecurityML.Charts;\nusing SecurityML.Display;")
            .Code($"var evil = new[] {{ {Literal(Quoted)}, {Literal(Entities)}, {Literal(Image)} }};")
            .Code("evil.Select(e => new { Text = e, Long = e + new string('x', 100) }).ToTable()")
            .Code(
                "Chart.ClusterScatter(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 2.0, 3.0 }, new[] { 0, 0, -1 }, "
                    + "hoverTexts: evil, title: \"t\")"
            )
            .WriteTo(_folder["evil.ipynb"]);
        using var browser = new HeadlessChromium();

        var (_, hovers) = ReadVisibleText(browser, await RunOfflineAsync(notebook));

        browser.AlertIsOpen().Should().BeFalse();
        browser.Script("return window.__pwned === undefined").Should().Be(true);
        var cells = (
            (IEnumerable<object>)
                browser.Script(
                    "return [...document.querySelectorAll('div.secml-display-table tbody td')].map(td => "
                        + "[td.innerText, td.getAttribute('title')])"
                )!
        )
            .Cast<IEnumerable<object?>>()
            .Select(pair => pair.ToList())
            .ToList();
        cells.Where((_, i) => i % 2 == 0).Select(cell => cell[0]).Should().Equal(Quoted, Entities, Image);
        cells
            .Where((_, i) => i % 2 == 1)
            .Select(cell => cell[1])
            .Should()
            .Equal(Quoted + new string('x', 100), Entities + new string('x', 100), Image + new string('x', 100));
        foreach (var text in new[] { Quoted, Entities, Image })
        {
            hovers
                .Should()
                .Contain(h => h.Contains(text, StringComparison.Ordinal), "the hover label shows {0} as logged", text);
        }
        EntityPattern()
            .Matches(string.Join("\n", hovers).Replace(Entities, "", StringComparison.Ordinal))
            .Should()
            .BeEmpty();
    }

    private static string Literal(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
