using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>The scale of an axis (plotly <c>axis.type</c>); plotly guesses it from the data when unset.</summary>
public enum AxisType
{
    /// <summary>A linear numeric scale (<c>linear</c>).</summary>
    [EnumMember(Value = "linear")]
    Linear,

    /// <summary>A base-10 logarithmic scale (<c>log</c>); the range is given in powers of ten.</summary>
    [EnumMember(Value = "log")]
    Log,

    /// <summary>A time scale (<c>date</c>).</summary>
    [EnumMember(Value = "date")]
    Date,

    /// <summary>Categories, one tick per distinct value (<c>category</c>).</summary>
    [EnumMember(Value = "category")]
    Category,
}
