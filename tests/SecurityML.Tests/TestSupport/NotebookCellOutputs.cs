using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecurityML.Tests.TestSupport;

/// <summary>Reads the outputs of an executed .ipynb by the code they came from: the single output of the code cell
/// whose source contains a given text, as visible text (stream text, or table cells decoded) or raw HTML.</summary>
internal static partial class NotebookCellOutputs
{
    /// <summary>The code cells of an executed notebook.</summary>
    public static List<JsonObject> CodeCells(string path) =>
        ((JsonNode.Parse(File.ReadAllText(path))!["cells"] as JsonArray)!)
            .OfType<JsonObject>()
            .Where(cell => (string?)cell["cell_type"] == "code")
            .ToList();

    /// <summary>The only output of the only code cell whose source contains <paramref name="source"/>.</summary>
    public static JsonObject Output(List<JsonObject> cells, string source)
    {
        var cell = cells.Single(c => Joined(c["source"]).Contains(source, StringComparison.Ordinal));
        return (cell["outputs"] as JsonArray)!.OfType<JsonObject>().Single();
    }

    /// <summary>An output's <c>text/html</c>.</summary>
    public static string Html(JsonObject output) => Joined(output["data"]?["text/html"]);

    /// <summary>An output's visible text: a stream's text, or the HTML table cells decoded and joined by
    /// spaces.</summary>
    public static string Text(JsonObject output) =>
        output["text"] is { } text
            ? Joined(text)
            : string.Join(
                " ",
                Cell()
                    .Matches(Html(output))
                    .Select(match => WebUtility.HtmlDecode(Tag().Replace(match.Groups[1].Value, "")))
            );

    private static string Joined(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => (string?)line)) : (string?)node ?? "";

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
