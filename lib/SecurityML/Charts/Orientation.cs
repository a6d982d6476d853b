using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>The direction of bars, boxes or a legend (plotly <c>orientation</c>).</summary>
public enum Orientation
{
    /// <summary>Vertical (<c>v</c>): bars grow upwards from the x-axis.</summary>
    [EnumMember(Value = "v")]
    Vertical,

    /// <summary>Horizontal (<c>h</c>): bars grow rightwards from the y-axis.</summary>
    [EnumMember(Value = "h")]
    Horizontal,
}
