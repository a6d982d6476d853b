using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>A 2-D line or point series (plotly <c>scatter</c>).</summary>
public sealed class Scatter : CartesianTrace
{
    /// <summary>Lines, markers or both; plotly picks lines+markers for fewer than 20 points when unset.</summary>
    public ScatterMode? Mode { get; set; }

    /// <summary>A text per point, shown on hover (and beside the point in a text mode); HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? Text { get; set; }

    /// <summary>A hover text per point, shown instead of <see cref="Text"/> on hover; HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? HoverText { get; set; }

    /// <summary>How the points are drawn.</summary>
    public Marker? Marker { get; set; }

    /// <summary>How the line through the points is drawn.</summary>
    public LineStyle? Line { get; set; }
}
