using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>A 3-D point or line series (plotly <c>scatter3d</c>), drawn in <see cref="Layout.Scene"/>.</summary>
public sealed class Scatter3D : Trace
{
    /// <summary>The x values.</summary>
    public PlotValues? X { get; set; }

    /// <summary>The y values.</summary>
    public PlotValues? Y { get; set; }

    /// <summary>The z values.</summary>
    public PlotValues? Z { get; set; }

    /// <summary>Lines, markers or both.</summary>
    public ScatterMode? Mode { get; set; }

    /// <summary>A text per point, shown on hover; HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? Text { get; set; }

    /// <summary>A hover text per point, shown instead of <see cref="Text"/>; HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? HoverText { get; set; }

    /// <summary>How the points are drawn.</summary>
    public Marker? Marker { get; set; }
}
