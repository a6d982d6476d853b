using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>A matrix drawn as coloured cells (plotly <c>heatmap</c>), e.g. entity × hour activity.</summary>
public sealed class Heatmap : CartesianTrace
{
    /// <summary>The cell values, one row per y value and one column per x value; NaN cells are left empty.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Z { get; set; }

    /// <summary>A plotly colour scale name: <c>Viridis</c>, <c>Reds</c>, <c>RdBu</c>, ….</summary>
    [JsonPropertyName("colorscale")]
    public string? ColorScale { get; set; }

    /// <summary>Whether the colour bar is shown; true when unset.</summary>
    public bool? ShowScale { get; set; }

    /// <summary>The value mapped to the lowest colour; the smallest z when unset.</summary>
    [JsonPropertyName("zmin")]
    public double? ZMinimum { get; set; }

    /// <summary>The value mapped to the highest colour; the largest z when unset.</summary>
    [JsonPropertyName("zmax")]
    public double? ZMaximum { get; set; }
}
