using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>Where an axis is drawn relative to the plot area (plotly <c>axis.side</c>).</summary>
public enum AxisSide
{
    /// <summary>Left of the plot (<c>left</c>), for y-axes.</summary>
    [EnumMember(Value = "left")]
    Left,

    /// <summary>Right of the plot (<c>right</c>), for y-axes.</summary>
    [EnumMember(Value = "right")]
    Right,

    /// <summary>Above the plot (<c>top</c>), for x-axes.</summary>
    [EnumMember(Value = "top")]
    Top,

    /// <summary>Below the plot (<c>bottom</c>), for x-axes.</summary>
    [EnumMember(Value = "bottom")]
    Bottom,
}
