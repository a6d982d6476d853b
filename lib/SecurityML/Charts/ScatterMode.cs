using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>How a <see cref="Scatter"/> or <see cref="Scatter3D"/> trace draws its points (plotly
/// <c>mode</c>).</summary>
public enum ScatterMode
{
    /// <summary>Points joined by a line (<c>lines</c>).</summary>
    [EnumMember(Value = "lines")]
    Lines,

    /// <summary>A marker per point (<c>markers</c>).</summary>
    [EnumMember(Value = "markers")]
    Markers,

    /// <summary>A line and a marker per point (<c>lines+markers</c>).</summary>
    [EnumMember(Value = "lines+markers")]
    LinesAndMarkers,

    /// <summary>A marker per point with its text written beside it (<c>markers+text</c>).</summary>
    [EnumMember(Value = "markers+text")]
    MarkersAndText,

    /// <summary>The text of each point, without marker or line (<c>text</c>).</summary>
    [EnumMember(Value = "text")]
    Text,
}
