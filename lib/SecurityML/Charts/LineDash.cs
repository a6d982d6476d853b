using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>The dash pattern of a line (plotly <c>line.dash</c>).</summary>
public enum LineDash
{
    /// <summary>A continuous line (<c>solid</c>).</summary>
    [EnumMember(Value = "solid")]
    Solid,

    /// <summary>Dots (<c>dot</c>).</summary>
    [EnumMember(Value = "dot")]
    Dot,

    /// <summary>Short dashes (<c>dash</c>).</summary>
    [EnumMember(Value = "dash")]
    Dash,

    /// <summary>Long dashes (<c>longdash</c>).</summary>
    [EnumMember(Value = "longdash")]
    LongDash,

    /// <summary>Alternating dashes and dots (<c>dashdot</c>).</summary>
    [EnumMember(Value = "dashdot")]
    DashDot,
}
