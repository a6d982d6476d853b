using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>The 3-D space that <see cref="Scatter3D"/> traces are drawn in (plotly <c>layout.scene</c>).</summary>
public sealed class Scene
{
    /// <summary>The x-axis (title, type, range).</summary>
    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; set; }

    /// <summary>The y-axis (title, type, range).</summary>
    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; set; }

    /// <summary>The z-axis (title, type, range).</summary>
    [JsonPropertyName("zaxis")]
    public Axis? ZAxis { get; set; }

    /// <summary>How the axes are scaled against each other: <c>auto</c> (plotly's default), <c>cube</c> (equal
    /// lengths), <c>data</c> (proportional to the data ranges), <c>manual</c>.</summary>
    [JsonPropertyName("aspectmode")]
    public string? AspectMode { get; set; }

    /// <summary>Where the viewer stands (plotly <c>camera.eye</c>, in units of the scene's half size); plotly's
    /// default is (1.25, 1.25, 1.25). A larger distance shrinks the scene, so its tick labels stay inside the
    /// plot.</summary>
    public Camera? Camera { get; set; }

    /// <summary>
    /// A scene with three axes titled <paramref name="xTitle"/>, <paramref name="yTitle"/> and
    /// <paramref name="zTitle"/> that stays inside its figure: a cube, the camera a little further away than
    /// plotly's default, at most <see cref="MaximumTicks"/> ticks per axis with short (<c>.1f</c>) labels.
    /// </summary>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="zTitle">The z-axis title.</param>
    public static Scene Compact(string xTitle, string yTitle, string zTitle) =>
        new()
        {
            XAxis = CompactAxis(xTitle),
            YAxis = CompactAxis(yTitle),
            ZAxis = CompactAxis(zTitle),
            AspectMode = "cube",
            Camera = new Camera { Eye = new Point3D(1.6, 1.6, 1.0) },
        };

    /// <summary>The largest number of ticks per axis of <see cref="Compact"/>.</summary>
    public const int MaximumTicks = 5;

    private static Axis CompactAxis(string title) =>
        new()
        {
            Title = title,
            NumberOfTicks = MaximumTicks,
            TickFormat = ".1f",
            HoverFormat = ".3f",
        };
}
