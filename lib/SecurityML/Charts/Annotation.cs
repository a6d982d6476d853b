using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>A text placed on the plot (plotly <c>layout.annotations</c>), e.g. the label of a threshold line.
/// </summary>
public sealed class Annotation
{
    /// <summary>The text; HTML-encoded when written.</summary>
    [JsonConverter(typeof(DisplayTextConverter))]
    public string? Text { get; set; }

    /// <summary>The x position, in the units of <see cref="XReference"/>.</summary>
    public PlotValue? X { get; set; }

    /// <summary>The y position, in the units of <see cref="YReference"/>.</summary>
    public PlotValue? Y { get; set; }

    /// <summary>An x-axis id (<c>x</c>, <c>x2</c>) for data units, or <c>paper</c> for fractions of the plot
    /// area's width.</summary>
    [JsonPropertyName("xref")]
    public string? XReference { get; set; }

    /// <summary>A y-axis id (<c>y</c>, <c>y2</c>) for data units, or <c>paper</c> for fractions of the plot
    /// area's height.</summary>
    [JsonPropertyName("yref")]
    public string? YReference { get; set; }

    /// <summary>Whether an arrow points from the text to (x, y); true when unset.</summary>
    public bool? ShowArrow { get; set; }

    /// <summary>Which part of the text sits at x: <c>left</c>, <c>center</c>, <c>right</c> or <c>auto</c>.</summary>
    public string? XAnchor { get; set; }

    /// <summary>Which part of the text sits at y: <c>top</c>, <c>middle</c>, <c>bottom</c> or <c>auto</c>.</summary>
    public string? YAnchor { get; set; }
}
