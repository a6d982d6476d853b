using System.Collections;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SecurityML.Runner.Formatting;

/// <summary>
/// Turns a displayed value into MIME-typed content as the C# kernel would: convention formatters first
/// (<c>TypeFormatterSourceAttribute</c>), then <see cref="IHtmlContent"/> as HTML, scalars as plain text,
/// sequences and <c>DataFrame</c>s as an HTML table, other objects as a property table.
/// </summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/>; <paramref name="mimeTypes"/>, if given, limits and orders the
    /// result.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var formatted = FormatAll(value, mimeTypes);
        if (mimeTypes is not { Length: > 0 })
        {
            return formatted;
        }
        var chosen = new Dictionary<string, string>();
        foreach (var mimeType in mimeTypes)
        {
            if (formatted.TryGetValue(mimeType, out var content))
            {
                chosen[mimeType] = content;
            }
            else if (mimeType == "text/html" && value is string html)
            {
                chosen[mimeType] = html; // the kernel's semantics: display(s, "text/html") shows s as markup
            }
            else
            {
                var plain = formatted.TryGetValue("text/plain", out var text) ? text : CellValueText.Format(value);
                // Only a string the notebook passed itself is markup; text of any other value may come from data.
                chosen[mimeType] = mimeType == "text/html" ? System.Net.WebUtility.HtmlEncode(plain) : plain;
            }
        }
        return chosen;
    }

    private static Dictionary<string, string> FormatAll(object? value, string[] mimeTypes)
    {
        if (value is null)
        {
            return new() { ["text/plain"] = CellValueText.Null };
        }
        var convention = ConventionFormatters.Format(value);
        if (convention.Count > 0)
        {
            convention.TryAdd("text/plain", PlainText(value));
            return convention;
        }
        return value switch
        {
            IHtmlContent html => new() { ["text/html"] = WriteHtml(html) },
            _ when DataFrameFormatter.IsDataFrame(value) => new()
            {
                ["text/html"] = DataFrameFormatter.ToTable(value).ToHtml(),
                ["text/plain"] = PlainText(value),
            },
            _ when CellValueText.IsScalar(value) => new() { ["text/plain"] = CellValueText.Format(value) },
            IEnumerable items => new()
            {
                ["text/html"] = HtmlTableWriter.Sequence(items),
                ["text/plain"] = PlainText(value),
            },
            _ => new() { ["text/html"] = HtmlTableWriter.Object(value), ["text/plain"] = PlainText(value) },
        };
    }

    private static string PlainText(object value)
    {
        var text = value.ToString();
        return string.IsNullOrEmpty(text) || text == value.GetType().ToString()
            ? HtmlTableWriter.TypeName(value.GetType())
            : text;
    }

    private static string WriteHtml(IHtmlContent html)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
