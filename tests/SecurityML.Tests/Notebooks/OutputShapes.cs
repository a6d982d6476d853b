using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SecurityML.Tests.Notebooks;

/// <summary>What a displayed value is, as a reader of the notebook sees it.</summary>
internal enum OutputShape
{
    /// <summary>A chart: HTML with a <c>secml-figure</c> div or a plotly.js <c>newPlot</c> call.</summary>
    Figure,

    /// <summary>An HTML table (checked further by <see cref="OutputShapes.TableProblem"/>).</summary>
    Table,

    /// <summary>.NET Interactive's default object/sequence view: <c>&lt;details class="dni-treeview"&gt;</c>, shown
    /// for a sequence as an "index | value" table whose values are one-line C# dumps.</summary>
    TreeView,

    /// <summary>Plain text: <c>text/plain</c> only, or the kernel's
    /// <c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;</c>.</summary>
    Text,

    /// <summary>Any other HTML.</summary>
    OtherHtml,
}

/// <summary>The visible text of an HTML table: header texts and, per body row, its cell texts.</summary>
internal sealed record TableText(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Classifies and checks displayed outputs of executed notebooks (real kernel or <c>secml</c>), and finds exception
/// text in console output.
/// </summary>
internal static partial class OutputShapes
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The shape of a display output.</summary>
    public static OutputShape Classify(ExecutedOutput output)
    {
        if (output.Html is not { } html)
            return OutputShape.Text;
        var document = Parser.ParseDocument(html);
        if (
            document.QuerySelector("div.secml-figure") is not null
            || html.Contains("newPlot(", StringComparison.Ordinal)
        )
            return OutputShape.Figure;
        if (document.QuerySelector(".dni-treeview") is not null)
            return OutputShape.TreeView;
        if (document.QuerySelector("table") is not null)
            return OutputShape.Table;
        var plain = document.Body?.Children.Where(e => e.LocalName != "style").ToList() ?? [];
        return plain.Count == 1 && plain[0].ClassList.Contains("dni-plaintext")
            ? OutputShape.Text
            : OutputShape.OtherHtml;
    }

    /// <summary>The text a <see cref="OutputShape.Text"/> output shows.</summary>
    public static string VisibleText(ExecutedOutput output) =>
        output.Html is { } html
            ? Parser.ParseDocument(html).QuerySelector(".dni-plaintext")?.TextContent ?? ""
            : output.PlainText ?? "";

    /// <summary>Why <paramref name="html"/> is not a plotly.js figure as the library's figure formatter writes it
    /// (a <c>div.secml-figure</c> with an id, a script naming that id, holding <c>var figure = {json};</c> with a
    /// non-empty <c>data</c> array of traces that each have a <c>type</c>, and calling <c>newPlot</c>), or null
    /// when it is one; <paramref name="figure"/> is the parsed figure JSON.</summary>
    public static string? FigureProblem(string html, out JsonNode? figure)
    {
        figure = null;
        var document = Parser.ParseDocument(html);
        var divs = document.QuerySelectorAll("div.secml-figure");
        if (divs.Length != 1 || string.IsNullOrEmpty(divs[0].Id))
            return $"expected one div.secml-figure with an id, found {divs.Length}";
        var script = document
            .QuerySelectorAll("script")
            .Select(s => s.TextContent)
            .FirstOrDefault(s => s.Contains("newPlot(", StringComparison.Ordinal));
        if (script is null)
            return "no script calls plotly.js newPlot";
        if (!script.Contains($"var divId = \"{divs[0].Id}\";", StringComparison.Ordinal))
            return $"the script does not draw into div #{divs[0].Id}";
        var json = FigureJson().Match(script);
        if (!json.Success)
            return "the script holds no 'var figure = {...};'";
        try
        {
            figure = JsonNode.Parse(json.Groups[1].Value);
        }
        catch (JsonException e)
        {
            return "the figure is not valid JSON: " + e.Message;
        }
        if (figure?["data"] is not JsonArray { Count: > 0 } traces)
            return "the figure has no data traces";
        return traces.All(t => t?["type"] is JsonValue) ? null : "a trace has no type";
    }

    /// <summary>Why <paramref name="html"/> is not an HTML table with column headers, or null when it is one;
    /// <paramref name="table"/> is its visible text.</summary>
    /// <remarks>Rejected: .NET Interactive's tree view (<c>dni-treeview</c>, <c>details</c>), the "index | value"
    /// header pair it writes for sequences, tables nested in cells, and header rows without <c>th</c> text.</remarks>
    public static string? TableProblem(string html, out TableText? table)
    {
        table = null;
        var document = Parser.ParseDocument(html);
        var tables = document.QuerySelectorAll("table").Where(t => t.ParentElement?.Closest("table") is null).ToList();
        if (tables.Count != 1)
            return $"expected one table, found {tables.Count}";
        var headers = tables[0].QuerySelectorAll("thead th").Select(Visible).ToList();
        if (headers.SequenceEqual(["index", "value"]))
            return "an 'index | value' list of one-line C# dumps (.NET Interactive's default view of a sequence)";
        if (document.QuerySelector(".dni-treeview, details") is not null)
            return "a .NET Interactive tree view of an object's properties";
        if (headers.Count == 0 || headers.Any(h => h.Length == 0))
            return "no header row of <th> column names";
        if (tables[0].QuerySelector("td table") is not null)
            return "a table nested in a cell";
        var rows = tables[0]
            .QuerySelectorAll("tbody tr")
            .Select(row =>
                (IReadOnlyList<string>)row.Children.Where(c => c.LocalName is "td" or "th").Select(Visible).ToList()
            )
            .ToList();
        table = new TableText(headers, rows);
        return null;
    }

    /// <summary>The first line of <paramref name="text"/> that looks like a .NET exception or a stack frame
    /// (<c>System.XxxException: ...</c>, <c>Unhandled exception.</c>, <c>   at Type.Method(...)</c>), or
    /// null.</summary>
    public static string? ExceptionLine(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r')).FirstOrDefault(line => ExceptionText().IsMatch(line));

    private static string Visible(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"var figure = (\{.*\});\s*$", RegexOptions.Multiline)]
    private static partial Regex FigureJson();

    [GeneratedRegex(
        @"^(Unhandled exception\.|\s*(System\.|Microsoft\.)?([A-Za-z_][\w.]*\.)?[A-Za-z_]\w*Exception(: |$)|\s+at "
            + @"[\w.`<>\[\]+#$|]+\(.*\))"
    )]
    private static partial Regex ExceptionText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
