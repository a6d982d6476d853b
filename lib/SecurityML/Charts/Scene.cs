using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>The 3-D space that <see cref="Scatter3D"/> traces are drawn in (plotly <c>layout.scene</c>).</summary>
public sealed class Scene
{
    /// <summary>The x-axis (title, type, range).</summary>
    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; set; }

    /// <summary>The y-axis (title, type, range).</summary>
    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; set; }

    /// <summary>The z-axis (title, type, range).</summary>
    [JsonPropertyName("zaxis")]
    public Axis? ZAxis { get; set; }
}
