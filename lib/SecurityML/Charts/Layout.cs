using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>Everything about a figure that is not data (plotly <c>layout</c>): title, size, axes, shapes,
/// annotations, legend.</summary>
public sealed class Layout
{
    /// <summary>The figure title; HTML-encoded, written as plotly's <c>{"text": …}</c>.</summary>
    [JsonConverter(typeof(TitleConverter))]
    public string? Title { get; set; }

    /// <summary>The width in pixels; the container's width when unset (the figure is responsive).</summary>
    public int? Width { get; set; }

    /// <summary>The height in pixels; 450 when unset.</summary>
    public int? Height { get; set; }

    /// <summary>The first x-axis (id <c>x</c>).</summary>
    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; set; }

    /// <summary>The first y-axis (id <c>y</c>).</summary>
    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; set; }

    /// <summary>The second x-axis (id <c>x2</c>), used by traces whose <see cref="CartesianTrace.XAxis"/> is
    /// <c>x2</c>.</summary>
    [JsonPropertyName("xaxis2")]
    public Axis? XAxis2 { get; set; }

    /// <summary>The second y-axis (id <c>y2</c>): a lower panel (give it and <see cref="YAxis"/> a
    /// <see cref="Axis.Domain"/>) or a right-hand axis (<see cref="Axis.Overlaying"/> <c>y</c>).</summary>
    [JsonPropertyName("yaxis2")]
    public Axis? YAxis2 { get; set; }

    /// <summary>How bars and histograms sharing a position are laid out; group when unset.</summary>
    public BarMode? BarMode { get; set; }

    /// <summary>Lines, rectangles and ellipses drawn on the plot.</summary>
    public List<Shape>? Shapes { get; set; }

    /// <summary>Texts placed on the plot.</summary>
    public List<Annotation>? Annotations { get; set; }

    /// <summary>Whether the legend is shown; plotly shows it when there are several traces.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Where and how the legend is drawn.</summary>
    public Legend? Legend { get; set; }

    /// <summary>The space around the plot area.</summary>
    public Margin? Margin { get; set; }

    /// <summary>The 3-D space for <see cref="Scatter3D"/> traces.</summary>
    public Scene? Scene { get; set; }

    /// <summary>What hovering shows: <c>closest</c> (the default), <c>x</c>, <c>x unified</c>, <c>y</c>, ….</summary>
    public string? HoverMode { get; set; }
}
