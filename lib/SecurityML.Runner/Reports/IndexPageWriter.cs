using System.Text;
using SecurityML.Runner.Execution;
using static System.Net.WebUtility;

namespace SecurityML.Runner.Reports;

/// <summary>
/// The index page of a folder run (<c>OUTPUT/index.html</c>): one row per notebook, in run order, with its status,
/// duration, the parameters it ran with, its problems and links to its HTML report and executed notebook (relative,
/// so the folder can be moved or served as is). All text is HTML-encoded.
/// </summary>
public static class IndexPageWriter
{
    /// <summary>Renders the page.</summary>
    /// <param name="title">What ran (the folder's name).</param>
    /// <param name="notebooks">The notebooks' summaries in run order.</param>
    /// <param name="elapsed">Wall time of the whole run.</param>
    public static string Render(string title, IReadOnlyList<NotebookSummary> notebooks, TimeSpan elapsed)
    {
        var failed = notebooks.Count(n => n.ExitCode != NotebookRunResult.Success);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(HtmlEncode(title))
            .Append(" — secml run</title>\n<style>")
            .Append(HtmlReportWriter.Styles)
            .Append("</style>\n</head>\n<body>\n")
            .Append("<header class=\"summary ")
            .Append(failed == 0 ? "succeeded" : "failed")
            .Append("\">\n<h1>")
            .Append(HtmlEncode(title))
            .Append("</h1>\n<p>")
            .Append(notebooks.Count)
            .Append(notebooks.Count == 1 ? " notebook, " : " notebooks, ")
            .Append(failed == 0 ? "all succeeded" : $"{failed} did not succeed")
            .Append(", in ")
            .Append(NotebookSummary.Seconds(elapsed))
            .Append(".</p>\n</header>\n")
            .Append(
                "<table "
                    + "class=\"index\">\n<thead><tr><th>notebook</th><th>status</th><th>duration</th><th>"
                    + "parameters</th><th>problems</th><th>executed "
                    + "notebook</th></tr></thead>\n<tbody>\n"
            );
        foreach (var notebook in notebooks)
            AppendRow(html, notebook);
        return html.Append("</tbody>\n</table>\n</body>\n</html>\n").ToString();
    }

    /// <summary>The first problem (the root failure) in full; the later ones in a collapsed <c>details</c> element
    /// whose summary counts them (<see cref="RootFailure"/>).</summary>
    private static void AppendProblems(StringBuilder html, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
            return;
        html.Append("<div class=\"root-failure\">").Append(HtmlEncode(problems[0])).Append("</div>");
        if (RootFailure.LaterSummary(problems) is not { } later)
            return;
        html.Append("<details class=\"later-failures\"><summary>").Append(HtmlEncode(later)).Append("</summary>");
        foreach (var problem in problems.Skip(1))
            html.Append("<div>").Append(HtmlEncode(problem)).Append("</div>");
        html.Append("</details>");
    }

    private static void AppendRow(StringBuilder html, NotebookSummary notebook)
    {
        var link = Uri.EscapeDataString(notebook.Name);
        html.Append("<tr class=\"notebook\">")
            .Append("<td><a class=\"report\" href=\"")
            .Append(link)
            .Append(".html\">")
            .Append(HtmlEncode(notebook.Name))
            .Append("</a></td>")
            .Append("<td class=\"status-")
            .Append(notebook.Status.Replace(' ', '-'))
            .Append("\">")
            .Append(notebook.Status)
            .Append("</td>")
            .Append("<td class=\"duration\">")
            .Append(NotebookSummary.Seconds(notebook.Duration))
            .Append("</td><td>");
        foreach (var parameter in notebook.Parameters)
        {
            html.Append("<div><code>")
                .Append(HtmlEncode(parameter.Name))
                .Append("</code> = ")
                .Append(HtmlEncode(parameter.Value))
                .Append("</div>");
        }
        html.Append("</td><td>");
        AppendProblems(html, notebook.Problems);
        html.Append("</td><td><a class=\"executed\" href=\"")
            .Append(link)
            .Append(".ipynb\">")
            .Append(HtmlEncode(notebook.Name))
            .Append(".ipynb</a></td></tr>\n");
    }
}
