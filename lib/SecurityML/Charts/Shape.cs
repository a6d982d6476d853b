using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>A line, rectangle or ellipse drawn on the plot (plotly <c>layout.shapes</c>), e.g. a threshold line
/// from (threshold, 0) to (threshold, 1) with <see cref="YReference"/> <c>paper</c>.</summary>
public sealed class Shape
{
    /// <summary>Line, rectangle or ellipse.</summary>
    public ShapeType Type { get; set; } = ShapeType.Line;

    /// <summary>What x0 and x1 refer to: an x-axis id (<c>x</c>, <c>x2</c>) for data units, or <c>paper</c> for
    /// fractions of the plot area's width (0 = left edge, 1 = right edge).</summary>
    [JsonPropertyName("xref")]
    public string? XReference { get; set; }

    /// <summary>What y0 and y1 refer to: a y-axis id (<c>y</c>, <c>y2</c>) for data units, or <c>paper</c> for
    /// fractions of the plot area's height (0 = bottom, 1 = top).</summary>
    [JsonPropertyName("yref")]
    public string? YReference { get; set; }

    /// <summary>The start x.</summary>
    public PlotValue? X0 { get; set; }

    /// <summary>The end x.</summary>
    public PlotValue? X1 { get; set; }

    /// <summary>The start y.</summary>
    public PlotValue? Y0 { get; set; }

    /// <summary>The end y.</summary>
    public PlotValue? Y1 { get; set; }

    /// <summary>The outline.</summary>
    public LineStyle? Line { get; set; }

    /// <summary>The fill of a rectangle or ellipse, a CSS colour.</summary>
    [JsonPropertyName("fillcolor")]
    public string? FillColor { get; set; }

    /// <summary>The opacity, 0 to 1.</summary>
    public double? Opacity { get; set; }

    /// <summary><c>above</c> the traces (the default) or <c>below</c> them.</summary>
    public string? Layer { get; set; }
}
