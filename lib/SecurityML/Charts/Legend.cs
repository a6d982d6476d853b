namespace SecurityML.Charts;

/// <summary>Where and how the legend is drawn (plotly <c>layout.legend</c>).</summary>
public sealed class Legend
{
    /// <summary>Entries stacked vertically (the default) or in a row.</summary>
    public Orientation? Orientation { get; set; }

    /// <summary>The x position as a fraction of the plot area's width (may be outside 0–1).</summary>
    public double? X { get; set; }

    /// <summary>The y position as a fraction of the plot area's height (may be outside 0–1).</summary>
    public double? Y { get; set; }

    /// <summary>Which part of the legend sits at x: <c>left</c>, <c>center</c>, <c>right</c> or <c>auto</c>.</summary>
    public string? XAnchor { get; set; }

    /// <summary>Which part of the legend sits at y: <c>top</c>, <c>middle</c>, <c>bottom</c> or <c>auto</c>.</summary>
    public string? YAnchor { get; set; }
}
