using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>How bars and histograms that share a position are laid out (plotly <c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side (<c>group</c>), plotly's default.</summary>
    [EnumMember(Value = "group")]
    Group,

    /// <summary>On top of each other, drawn in trace order (<c>overlay</c>); use an opacity below 1.</summary>
    [EnumMember(Value = "overlay")]
    Overlay,

    /// <summary>Stacked (<c>stack</c>).</summary>
    [EnumMember(Value = "stack")]
    Stack,

    /// <summary>Stacked, negative values below the axis and positive ones above (<c>relative</c>).</summary>
    [EnumMember(Value = "relative")]
    Relative,
}
