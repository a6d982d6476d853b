using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>How points or bars are drawn (plotly <c>marker</c>).</summary>
public sealed class Marker
{
    /// <summary>One CSS colour for every point (<c>#1f77b4</c>, <c>red</c>); ignored when
    /// <see cref="ColorValues"/> is set.</summary>
    [JsonIgnore]
    public string? Color { get; set; }

    /// <summary>A number per point, mapped to a colour through <see cref="ColorScale"/>; written as plotly's
    /// <c>color</c> array, taking precedence over <see cref="Color"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<double>? ColorValues { get; set; }

    /// <summary>The diameter in pixels; plotly's default is 6.</summary>
    public double? Size { get; set; }

    /// <summary>The symbol: <c>circle</c> (default), <c>square</c>, <c>diamond</c>, <c>x</c>, <c>cross</c>,
    /// <c>triangle-up</c>, <c>circle-open</c>, … (plotly's symbol names).</summary>
    public string? Symbol { get; set; }

    /// <summary>A plotly colour scale name for <see cref="ColorValues"/>: <c>Viridis</c>, <c>Reds</c>,
    /// <c>Bluered</c>, <c>YlOrRd</c>, ….</summary>
    [JsonPropertyName("colorscale")]
    public string? ColorScale { get; set; }

    /// <summary>Whether a colour bar explains <see cref="ColorValues"/>; false when unset.</summary>
    public bool? ShowScale { get; set; }

    /// <summary>The opacity, 0 (invisible) to 1 (opaque).</summary>
    public double? Opacity { get; set; }

    /// <summary>The outline of each marker or bar.</summary>
    public LineStyle? Line { get; set; }

    /// <summary>plotly's <c>color</c>: the colour array if given, else the single colour.</summary>
    [JsonInclude]
    [JsonPropertyName("color")]
    internal object? ColorForJson => (object?)ColorValues ?? Color;
}
