using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>
/// One plotly.js trace: a data series drawn one way. Its plotly <c>type</c> is written first, from the concrete
/// class: <see cref="Scatter"/>, <see cref="Bar"/>, <see cref="Histogram"/>, <see cref="Box"/>,
/// <see cref="Heatmap"/> or <see cref="Scatter3D"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Scatter), "scatter")]
[JsonDerivedType(typeof(Bar), "bar")]
[JsonDerivedType(typeof(Histogram), "histogram")]
[JsonDerivedType(typeof(Box), "box")]
[JsonDerivedType(typeof(Heatmap), "heatmap")]
[JsonDerivedType(typeof(Scatter3D), "scatter3d")]
public abstract class Trace
{
    private protected Trace() { }

    /// <summary>The name shown in the legend and on hover; HTML-encoded when written.</summary>
    [JsonConverter(typeof(DisplayTextConverter))]
    public string? Name { get; set; }

    /// <summary>Whether the trace has a legend entry; plotly shows one when there are several traces.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Traces of the same group are shown and hidden together from the legend (plotly
    /// <c>legendgroup</c>).</summary>
    [JsonPropertyName("legendgroup")]
    public string? LegendGroup { get; set; }

    /// <summary>The opacity of the whole trace, 0 (invisible) to 1 (opaque, the default).</summary>
    public double? Opacity { get; set; }
}
