using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SecurityML.Runner.NotebookFiles;
using static System.Net.WebUtility;

namespace SecurityML.Runner.Reports;

/// <summary>
/// The report's table of contents: the headings (levels 1 to 3) of the notebook's markdown cells, in order, each
/// linking to its cell's anchor (<see cref="HtmlReportWriter.Anchor"/>), as the outline of VS Code and JupyterLab
/// lists them.
/// </summary>
internal static class TableOfContents
{
    /// <summary>Deepest heading level listed.</summary>
    public const int MaxLevel = 3;

    /// <summary>A heading: its level (1–3), its text (markdown stripped) and the anchor of its cell.</summary>
    public sealed record Entry(int Level, string Text, string Anchor);

    /// <summary>The headings of <paramref name="notebook"/>'s markdown cells.</summary>
    public static IReadOnlyList<Entry> Entries(NotebookDocument notebook)
    {
        var entries = new List<Entry>();
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.Kind != CellKind.Markdown)
                continue;
            foreach (
                var heading in Markdown.Parse(cell.Source).Descendants<HeadingBlock>().Where(h => h.Level <= MaxLevel)
            )
            {
                var text = heading.Inline is null
                    ? ""
                    : string.Concat(
                            heading
                                .Inline.Descendants<Inline>()
                                .Select(inline =>
                                    inline switch
                                    {
                                        LiteralInline literal => literal.Content.ToString(),
                                        CodeInline code => code.Content,
                                        _ => "",
                                    }
                                )
                        )
                        .Trim();
                if (text.Length > 0)
                    entries.Add(new Entry(heading.Level, text, HtmlReportWriter.Anchor(cell, index)));
            }
        }
        return entries;
    }

    /// <summary>The <c>nav</c> element, or an empty string when the notebook has no headings.</summary>
    public static string Render(NotebookDocument notebook)
    {
        var entries = Entries(notebook);
        if (entries.Count == 0)
            return "";
        var html = new StringBuilder("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ul>\n");
        foreach (var entry in entries)
        {
            html.Append("<li class=\"toc-level-")
                .Append(entry.Level)
                .Append("\"><a href=\"#")
                .Append(entry.Anchor)
                .Append("\">")
                .Append(HtmlEncode(entry.Text))
                .Append("</a></li>\n");
        }
        return html.Append("</ul>\n</nav>\n").ToString();
    }
}
