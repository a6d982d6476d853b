using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>The kind of a layout <see cref="Shape"/> (plotly <c>shape.type</c>).</summary>
public enum ShapeType
{
    /// <summary>A straight line from (x0, y0) to (x1, y1) (<c>line</c>), e.g. a threshold.</summary>
    [EnumMember(Value = "line")]
    Line,

    /// <summary>A rectangle with corners (x0, y0) and (x1, y1) (<c>rect</c>), e.g. a time window.</summary>
    [EnumMember(Value = "rect")]
    Rectangle,

    /// <summary>An ellipse inscribed in the rectangle (x0, y0)–(x1, y1) (<c>circle</c>).</summary>
    [EnumMember(Value = "circle")]
    Circle,
}
