namespace SecurityML.Charts;

/// <summary>The viewpoint of a 3-D <see cref="Scene"/> (plotly <c>scene.camera</c>).</summary>
public sealed class Camera
{
    /// <summary>Where the eye is, relative to the scene's centre.</summary>
    public Point3D? Eye { get; set; }
}
