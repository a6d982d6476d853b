using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>The space around the plot area in pixels (plotly <c>layout.margin</c>); plotly's defaults are 80 on
/// the left, right and bottom and 100 at the top.</summary>
public sealed class Margin
{
    /// <summary>The left margin in pixels.</summary>
    [JsonPropertyName("l")]
    public int? Left { get; set; }

    /// <summary>The right margin in pixels.</summary>
    [JsonPropertyName("r")]
    public int? Right { get; set; }

    /// <summary>The top margin in pixels.</summary>
    [JsonPropertyName("t")]
    public int? Top { get; set; }

    /// <summary>The bottom margin in pixels.</summary>
    [JsonPropertyName("b")]
    public int? Bottom { get; set; }
}
