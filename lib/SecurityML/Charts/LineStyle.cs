namespace SecurityML.Charts;

/// <summary>How a line is drawn (plotly <c>line</c>): of a scatter trace, a shape or a marker's outline.</summary>
public sealed class LineStyle
{
    /// <summary>A CSS colour (<c>#d62728</c>, <c>rgba(0,0,0,0.5)</c>, <c>red</c>); plotly's palette when
    /// unset.</summary>
    public string? Color { get; set; }

    /// <summary>The width in pixels; plotly's default is 2 for traces and shapes.</summary>
    public double? Width { get; set; }

    /// <summary>The dash pattern; solid when unset.</summary>
    public LineDash? Dash { get; set; }

    /// <summary>How consecutive points are joined (scatter traces only); straight segments when unset.</summary>
    public LineShape? Shape { get; set; }
}
