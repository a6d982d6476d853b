namespace SecurityML.Charts;

/// <summary>A point in a 3-D scene's normalised coordinates (plotly's <c>{x, y, z}</c>).</summary>
/// <param name="X">The x coordinate.</param>
/// <param name="Y">The y coordinate.</param>
/// <param name="Z">The z coordinate.</param>
public sealed record Point3D(double X, double Y, double Z);
