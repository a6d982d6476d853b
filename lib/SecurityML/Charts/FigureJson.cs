using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>
/// Writes a <see cref="Figure"/> as plotly.js JSON: <c>{"data": […], "layout": {…}, "config": {…}}</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Property names are plotly's (lower case, e.g. <c>showlegend</c>); unset (null) properties are left out.</item>
/// <item>Numbers use the invariant culture whatever the current one; NaN and infinities become <c>null</c>, which
/// plotly draws as a gap.</item>
/// <item>Instants are ISO 8601 UTC text, e.g. <c>2024-05-01T13:45:00Z</c>.</item>
/// <item>Text that plotly displays (titles, axis titles, trace names, category labels, text and hover text,
/// annotations) may come from logs and so from an attacker: it is HTML-encoded, so plotly shows
/// <c>&lt;b&gt;</c> literally instead of interpreting it. Keywords (modes, types, colours, axis ids) are not.</item>
/// <item>The JSON never contains a raw <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c> (they are written as
/// <c>\u003C</c>, <c>\u003E</c>, <c>\u0026</c>), so it can be embedded in a <c>&lt;script&gt;</c> element.</item>
/// </list>
/// </remarks>
public static class FigureJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Writes <paramref name="figure"/> as plotly.js JSON, on one line.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>JSON with <c>data</c>, <c>layout</c> and <c>config</c>, safe to embed in a script element.</returns>
    public static string Serialize(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return JsonSerializer.Serialize(figure, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = new LowerCaseNamingPolicy(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Unlike UnsafeRelaxedJsonEscaping, an encoder made by Create always escapes <, >, & and quotes; all
            // Unicode ranges keep non-Latin text (user names, hosts) readable.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new NonFiniteAsNullConverter());
        options.Converters.Add(new PlotlyEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
