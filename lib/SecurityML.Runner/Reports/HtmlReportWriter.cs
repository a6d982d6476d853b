using System.Globalization;
using System.Text;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using static System.Net.WebUtility;

namespace SecurityML.Runner.Reports;

/// <summary>
/// Writes a self-contained HTML report of an executed notebook: markdown rendered, code and outputs shown, charts
/// drawn, failures listed at the top with links to their cells (the root failure first, the later ones collapsed
/// after it: <see cref="RootFailure"/>). Text outputs, code and errors are HTML-encoded;
/// HTML outputs come from formatters, which encode data themselves.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Renders the report.</summary>
    /// <param name="result">The executed notebook and its failures.</param>
    /// <param name="plotlyScriptElement">A script element providing plotly.js (<see cref="PlotlyScript"/>).</param>
    public static string Render(NotebookRunResult result, string plotlyScriptElement)
    {
        var html = new StringBuilder();
        var title = HtmlEncode(result.Notebook.Name);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>")
            .Append(title)
            .Append("</title>\n<style>")
            .Append(Styles)
            .Append("</style>\n")
            .Append(plotlyScriptElement)
            .Append("\n</head>\n<body>\n");
        AppendSummary(html, result);
        html.Append(TableOfContents.Render(result.Notebook)).Append("<main>\n");
        for (var index = 0; index < result.Notebook.Cells.Count; index++)
        {
            AppendCell(html, result.Notebook.Cells[index], index, result.Failures.Any(f => f.CellIndex == index));
        }
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void AppendSummary(StringBuilder html, NotebookRunResult result)
    {
        var status = result.Succeeded ? "succeeded" : "failed";
        html.Append("<header class=\"summary ")
            .Append(status)
            .Append("\">\n<h1>")
            .Append(HtmlEncode(result.Notebook.Name))
            .Append("</h1>\n<p>")
            .Append(result.Succeeded ? "All cells succeeded" : "The run failed")
            .Append(" in ")
            .Append(result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))
            .Append(" s.</p>\n");
        if (result.InvalidInputMessage is { } invalid)
        {
            html.Append("<p class=\"error\">").Append(HtmlEncode(invalid)).Append("</p>\n");
        }
        AppendFailures(html, result);
        html.Append(ParametersTable(result.Parameters)).Append("</header>\n");
    }

    /// <summary>
    /// The root failure (the first) in full, each a link to its cell; the later failures, which may follow from it,
    /// after it in a collapsed <c>details</c> element whose summary counts them (<see cref="RootFailure"/>).
    /// </summary>
    private static void AppendFailures(StringBuilder html, NotebookRunResult result)
    {
        if (result.Failures.Count == 0)
            return;
        var root = result.Failures[0];
        html.Append("<p class=\"error root-failure\">");
        AppendFailureLink(html, result, root);
        html.Append("</p>\n");
        if (RootFailure.LaterSummary([.. result.Failures.Select(f => f.Message)]) is not { } later)
            return;
        html.Append("<details class=\"later-failures\">\n<summary>")
            .Append(HtmlEncode(later))
            .Append("</summary>\n<ul class=\"failures\">\n");
        foreach (var failure in result.Failures.Skip(1))
        {
            html.Append("<li>");
            AppendFailureLink(html, result, failure);
            html.Append("</li>\n");
        }
        html.Append("</ul>\n</details>\n");
    }

    private static void AppendFailureLink(StringBuilder html, NotebookRunResult result, CellFailure failure) =>
        html.Append("<a href=\"#")
            .Append(Anchor(result.Notebook.Cells[failure.CellIndex], failure.CellIndex))
            .Append("\">")
            .Append(HtmlEncode(failure.Message))
            .Append("</a>");

    /// <summary>
    /// The parameters the notebook ran with (name, C# type, value) as a table with the class <c>parameters</c>, or an
    /// empty string when there are none. Shared by the reports and the index page.
    /// </summary>
    public static string ParametersTable(IReadOnlyList<ParameterValue> parameters)
    {
        if (parameters.Count == 0)
            return "";
        var html = new StringBuilder(
            "<table "
                + "class=\"parameters\">\n<caption>Parameters</caption>\n<thead><tr><th>name</th><th>type</th><th>"
                + "value</th></tr></thead>\n<tbody>\n"
        );
        foreach (var parameter in parameters)
        {
            html.Append("<tr><td><code>")
                .Append(HtmlEncode(parameter.Name))
                .Append("</code></td><td>")
                .Append(HtmlEncode(parameter.Type))
                .Append("</td><td>")
                .Append(HtmlEncode(parameter.Value))
                .Append("</td></tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>
    /// A cell's anchor: <c>in-10</c> for the code cell that ran as <c>In [10]</c> (the number the console, the failure
    /// messages and the prompt show); <c>cell-3</c> (1-based position) for cells that did not run and markdown.
    /// </summary>
    public static string Anchor(NotebookCell cell, int index) =>
        cell.Kind == CellKind.Code && cell.ExecutionCount is { } count
            ? "in-" + count.ToString(CultureInfo.InvariantCulture)
            : "cell-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void AppendCell(StringBuilder html, NotebookCell cell, int index, bool failed)
    {
        var id = Anchor(cell, index);
        if (cell.Kind == CellKind.Markdown)
        {
            html.Append("<section class=\"cell markdown\" id=\"")
                .Append(id)
                .Append("\">\n")
                .Append(MarkdownCellRenderer.Render(cell))
                .Append("</section>\n");
            return;
        }
        if (cell.Kind == CellKind.Raw)
        {
            html.Append("<section class=\"cell raw\" id=\"")
                .Append(id)
                .Append("\"><pre>")
                .Append(HtmlEncode(cell.Source))
                .Append("</pre></section>\n");
            return;
        }
        html.Append("<section class=\"cell code")
            .Append(failed ? " failed" : "")
            .Append("\" id=\"")
            .Append(id)
            .Append("\">\n")
            .Append("<div class=\"prompt\">In [")
            .Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ")
            .Append("]:</div>\n")
            .Append("<pre class=\"source\"><code>")
            .Append(HtmlEncode(cell.Source))
            .Append("</code></pre>\n<div class=\"outputs\">\n");
        foreach (var output in cell.Outputs)
        {
            AppendOutput(html, output);
        }
        html.Append("</div>\n</section>\n");
    }

    private static void AppendOutput(StringBuilder html, CellOutput output)
    {
        switch (output)
        {
            case DisplayOutput { Html: { } markup }:
                html.Append("<div class=\"output html\">").Append(markup).Append("</div>\n");
                break;
            case DisplayOutput { PlainText: { } text }:
                html.Append("<pre class=\"output text\">").Append(HtmlEncode(text)).Append("</pre>\n");
                break;
            case DisplayOutput display:
                // Neither HTML nor text (e.g. only application/json, as other kernels save): show the first JSON form,
                // else name the types.
                var json = display.Data.FirstOrDefault(pair => OutputReader.IsJsonMimeType(pair.Key));
                html.Append("<pre class=\"output text\">")
                    .Append(
                        HtmlEncode(
                            json.Value
                                ?? $"(output in {string.Join(", ", display.Data.Keys)}: not shown in the report; "
                                    + $"it is kept in the executed notebook)"
                        )
                    )
                    .Append("</pre>\n");
                break;
            case StreamOutput stream:
                html.Append("<pre class=\"output stream ")
                    .Append(stream.Name == "stderr" ? "stderr" : "stdout")
                    .Append("\">")
                    .Append(HtmlEncode(stream.Text))
                    .Append("</pre>\n");
                break;
            case ErrorOutput error:
                html.Append("<pre class=\"output error\">")
                    .Append(HtmlEncode(string.Join("\n", error.Traceback)))
                    .Append("</pre>\n");
                break;
        }
    }

    /// <summary>The reports' style sheet (also used by the index page).</summary>
    internal const string Styles = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; color: #1b1b1b; }
        header.summary { border-left: 6px solid #2e7d32; padding: .5rem 1rem; margin-bottom: 1.5rem; background: #f3f8f3; }
        header.summary.failed { border-color: #c62828; background: #fdf2f2; }
        .cell { margin: 1rem 0; }
        .cell.code { border: 1px solid #ddd; border-radius: 4px; padding: .5rem; position: relative; }
        .cell.code.failed { border-color: #c62828; }
        .prompt { color: #888; font-family: monospace; font-size: .8rem; }
        pre { overflow-x: auto; white-space: pre-wrap; }
        pre.source { background: #f6f8fa; padding: .5rem; margin: .25rem 0; }
        pre.output.error, p.error { color: #b71c1c; background: #fff5f5; padding: .5rem; }
        pre.output.stderr { color: #8d4b00; }
        .root-failure { font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
        details.later-failures summary { cursor: pointer; color: #555; }
        details.later-failures ul { margin: .25rem 0; }
        table.secml-table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
        table.secml-table th, table.secml-table td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        table.secml-table th { background: #f0f0f0; }
        table.parameters, table.index { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
        table.parameters caption { text-align: left; font-weight: 600; }
        table.parameters th, table.parameters td, table.index th, table.index td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table.index th, table.index td.duration { white-space: nowrap; overflow-wrap: normal; }
        table.index td.duration { text-align: right; }
        td.status-ok { color: #2e7d32; } td.status-failed, td.status-not-run { color: #c62828; font-weight: 600; }
        nav.toc { border: 1px solid #ddd; padding: .25rem 1rem; margin-bottom: 1rem; }
        nav.toc h2 { font-size: 1rem; margin: .25rem 0; }
        nav.toc ul { list-style: none; padding-left: 0; margin: .25rem 0; }
        nav.toc li.toc-level-2 { padding-left: 1rem; } nav.toc li.toc-level-3 { padding-left: 2rem; }
        """;
}
