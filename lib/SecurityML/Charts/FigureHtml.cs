using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SecurityML.Charts;

/// <summary>
/// Renders a <see cref="Figure"/> as HTML: a fragment for notebook output, or a whole page for a report.
/// </summary>
/// <remarks>
/// The fragment's script draws the figure at once if <c>window.Plotly</c> is defined; else, where require.js is
/// present (classic Jupyter), loads plotly.js from <see cref="PlotlyJsCdnUrl"/> through it; else adds a
/// <c>&lt;script src&gt;</c> for it (once per page) and draws when it has loaded. Without network access the
/// div says that plotly.js could not be loaded.
/// </remarks>
public static class FigureHtml
{
    /// <summary>The plotly.js version the figures are written for (the npm package <c>plotly.js-dist-min</c>).
    /// </summary>
    public const string PlotlyJsVersion = "4.1.2";

    /// <summary>Where the fragment loads plotly.js from when the page does not have it yet.</summary>
    public const string PlotlyJsCdnUrl = "https://cdn.plot.ly/plotly-" + PlotlyJsVersion + ".min.js";

    private const string DivIdPrefix = "secml-figure-";
    private static readonly Regex ValidDivId = new(@"\A[A-Za-z][A-Za-z0-9_-]{0,127}\z", RegexOptions.CultureInvariant);
    private static readonly Regex ScriptEndTag = new(
        "</(script)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    );
    private static long s_renderCount;

    /// <summary>An HTML fragment, a <c>div</c> and a <c>script</c>, that draws <paramref name="figure"/>.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="divId">The <c>div</c>'s id: a letter then letters, digits, <c>-</c> or <c>_</c>, at most 128
    /// characters. When null, a fresh id <c>secml-figure-N-HASH</c>: N counts renders in this process and HASH
    /// is 8 hex digits of the figure JSON's SHA-256, so ids are unique per render and the same for the same
    /// figures rendered in the same order (reproducible reports).</param>
    /// <returns>HTML to insert in a page or a notebook output.</returns>
    /// <exception cref="ArgumentException"><paramref name="divId"/> is not a valid id.</exception>
    public static string ToHtml(Figure figure, string? divId = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (divId is not null && !ValidDivId.IsMatch(divId))
        {
            throw new ArgumentException(
                "Expected a letter then letters, digits, '-' or '_' (at most 128 characters), received "
                    + $"'{divId}'.",
                nameof(divId)
            );
        }
        string json = FigureJson.Serialize(figure);
        EnsureScriptSafe(json);
        divId ??= CreateDivId(json);
        return $"""
            <div id="{divId}" class="secml-figure"></div>
            {LoaderScript(divId, json)}
            """;
    }

    /// <summary>The script that draws the figure in the div <paramref name="divId"/>, loading plotly.js first
    /// if the page does not have it.</summary>
    private static string LoaderScript(string divId, string json) =>
        $$"""
            <script type="text/javascript">
            (function () {
              var divId = "{{divId}}";
              var figure = {{json}};
              var plotlyUrl = "{{PlotlyJsCdnUrl}}";
              function draw(plotly) {
                (plotly || window.Plotly).newPlot(divId, figure.data, figure.layout, figure.config);
              }
              function fail() {
                document.getElementById(divId).textContent = "plotly.js could not be loaded from " + plotlyUrl + ".";
              }
              if (typeof window.Plotly !== "undefined") {
                draw(window.Plotly);
              } else if (typeof requirejs === "function" && requirejs.config) {
                // plotly.js 3 and later are not AMD modules: the shim exports the window.Plotly they set.
                requirejs.config({ paths: { plotly: plotlyUrl.slice(0, -3) }, shim: { plotly: { exports: "Plotly" } } });
                require(["plotly"], draw, fail);
              } else {
                var script = document.getElementById("secml-plotly-js");
                if (script === null) {
                  script = document.createElement("script");
                  script.id = "secml-plotly-js";
                  script.src = plotlyUrl;
                  script.charset = "utf-8";
                  document.head.appendChild(script);
                }
                script.addEventListener("load", function () { draw(window.Plotly); });
                script.addEventListener("error", fail);
              }
            })();
            </script>
            """;

    /// <summary>A complete HTML page showing <paramref name="figure"/>, e.g. for a report or a file to open.
    /// </summary>
    /// <param name="figure">The figure.</param>
    /// <param name="plotlyJsSource">The text of plotly.js (e.g. <c>plotly.min.js</c> from the npm package
    /// <c>plotly.js-dist-min</c>) to inline, so the page works offline; when null the page loads
    /// <see cref="PlotlyJsCdnUrl"/>.</param>
    /// <returns>The page, UTF-8, titled with the figure's title.</returns>
    public static string ToStandaloneHtml(Figure figure, string? plotlyJsSource = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        string plotlyScript = plotlyJsSource is null
            ? $"<script src=\"{PlotlyJsCdnUrl}\" charset=\"utf-8\"></script>"
            : "<script type=\"text/javascript\">" + ScriptEndTag.Replace(plotlyJsSource, "<\\/$1") + "</script>";
        string title = WebUtility.HtmlEncode(figure.Layout?.Title ?? "Figure");
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{title}</title>
            {plotlyScript}
            </head>
            <body>
            {ToHtml(figure)}
            </body>
            </html>
            """;
    }

    private static string CreateDivId(string json)
    {
        long count = Interlocked.Increment(ref s_renderCount);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        string hex = Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
        return DivIdPrefix + count.ToString(CultureInfo.InvariantCulture) + "-" + hex;
    }

    private static void EnsureScriptSafe(string json)
    {
        // FigureJson escapes these; checked again because a slip here would let log data run script.
        if (json.AsSpan().IndexOfAny('<', '>', '&') >= 0)
        {
            throw new InvalidOperationException("The figure JSON contains a raw '<', '>' or '&'.");
        }
    }
}
