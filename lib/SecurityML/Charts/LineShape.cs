using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>How a scatter trace's line joins consecutive points (plotly <c>line.shape</c>).</summary>
public enum LineShape
{
    /// <summary>Straight segments (<c>linear</c>), the default.</summary>
    [EnumMember(Value = "linear")]
    Linear,

    /// <summary>A smooth curve (<c>spline</c>).</summary>
    [EnumMember(Value = "spline")]
    Spline,

    /// <summary>Steps: horizontal to the next x, then vertical (<c>hv</c>).</summary>
    [EnumMember(Value = "hv")]
    StepHorizontalFirst,

    /// <summary>Steps: vertical to the next y, then horizontal (<c>vh</c>).</summary>
    [EnumMember(Value = "vh")]
    StepVerticalFirst,
}
