namespace SecurityML.Charts;

/// <summary>A box plot of a sample (plotly <c>box</c>): give the values in <see cref="CartesianTrace.Y"/> for a
/// vertical box, and optionally a group per value in <see cref="CartesianTrace.X"/> for a box per group.</summary>
public sealed class Box : CartesianTrace
{
    /// <summary>Vertical (the default) or horizontal boxes.</summary>
    public Orientation? Orientation { get; set; }

    /// <summary>How the box and its outlier points are drawn.</summary>
    public Marker? Marker { get; set; }
}
