using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Reports;

/// <summary>
/// Renders a markdown cell to HTML. Images that point at the cell's attachments (<c>![x](attachment:name.png)</c>, as
/// Jupyter and VS Code write pasted images) become <c>data:</c> URIs built from the attachment bundle, so the report
/// stays self-contained. Only <c>image/*</c> types with valid base64 data are inlined; any other reference to an
/// attachment (missing, not an image, not base64) is rendered without a link and with a visible note, never silently.
/// </summary>
internal static partial class MarkdownCellRenderer
{
    private const string AttachmentScheme = "attachment:";
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The cell's markdown as HTML.</summary>
    public static string Render(NotebookCell cell)
    {
        var document = Markdown.Parse(cell.Source, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && url.StartsWith(AttachmentScheme, StringComparison.OrdinalIgnoreCase))
            {
                ResolveAttachment(link, Uri.UnescapeDataString(url[AttachmentScheme.Length..]), cell.Attachments);
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void ResolveAttachment(LinkInline link, string name, JsonObject? attachments)
    {
        var bundle = attachments?[name] as JsonObject;
        var dataUri = bundle is null ? null : ImageDataUri(bundle);
        if (dataUri is not null && link.IsImage)
        {
            link.Url = dataUri;
            return;
        }
        var problem = bundle is null
            ? "is not in the cell's attachments"
            : "is not an image/* attachment with base64 data";
        link.Url = "";
        link.Title = $"attachment '{name}' {problem}";
        link.IsImage = false;
        link.AppendChild(new LiteralInline($" [attachment '{name}' {problem}]"));
    }

    /// <summary>A data URI for the first image/* entry whose value is valid base64; null if there is none.</summary>
    private static string? ImageDataUri(JsonObject bundle)
    {
        foreach (var (mimeType, value) in bundle)
        {
            if (!ImageMimeType().IsMatch(mimeType))
                continue;
            var base64 = Base64Text(value);
            if (
                base64 is not null
                && base64.Length > 0
                && Convert.TryFromBase64String(base64, new byte[base64.Length], out _)
            )
            {
                return $"data:{mimeType.ToLowerInvariant()};base64,{base64}";
            }
        }
        return null;
    }

    private static string? Base64Text(JsonNode? value)
    {
        var text = value switch
        {
            JsonValue single when single.GetValueKind() == JsonValueKind.String => single.GetValue<string>(),
            JsonArray lines when lines.All(l => l is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                string.Concat(lines.Select(l => l!.GetValue<string>())),
            _ => null,
        };
        return text is null ? null : Whitespace().Replace(text, "");
    }

    [GeneratedRegex(@"^image/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex ImageMimeType();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
