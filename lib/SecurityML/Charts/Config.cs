using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>How the figure behaves in the page (plotly <c>config</c>); defaults suit notebooks and reports.
/// </summary>
public sealed class Config
{
    /// <summary>Whether the figure resizes with its container; default true.</summary>
    public bool? Responsive { get; set; } = true;

    /// <summary>Whether the plotly logo is shown in the mode bar; default false.</summary>
    [JsonPropertyName("displaylogo")]
    public bool? DisplayLogo { get; set; } = false;

    /// <summary>Whether the mode bar (zoom, pan, download) is shown: always (true), never (false) or on hover
    /// (unset, the default).</summary>
    [JsonPropertyName("displayModeBar")]
    public bool? DisplayModeBar { get; set; }

    /// <summary>Whether the mouse wheel zooms; plotly's default is false for 2-D plots.</summary>
    [JsonPropertyName("scrollZoom")]
    public bool? ScrollZoom { get; set; }

    /// <summary>
    /// Whether plotly typesets <c>$...$</c> in titles and labels as LaTeX when MathJax is on the page (classic
    /// Jupyter); default false here, because labels come from logs and HTML encoding does not neutralise <c>$</c>.
    /// </summary>
    [JsonPropertyName("typesetMath")]
    public bool? TypesetMath { get; set; } = false;
}
