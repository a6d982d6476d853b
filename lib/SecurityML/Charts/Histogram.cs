using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>A histogram that plotly bins itself (plotly <c>histogram</c>): give the values in
/// <see cref="CartesianTrace.X"/> for vertical bars.</summary>
public sealed class Histogram : CartesianTrace
{
    /// <summary>The largest number of bins along x (plotly <c>nbinsx</c>, ≥ 1); plotly picks when unset and may
    /// use fewer bins to get round edges.</summary>
    [JsonPropertyName("nbinsx")]
    public int? NumberOfBinsX { get; set; }

    /// <summary>What a bar's height means (plotly <c>histnorm</c>); a count when unset.</summary>
    [JsonPropertyName("histnorm")]
    public HistogramNormalization? Normalization { get; set; }

    /// <summary>Histograms with the same group share bin edges (plotly <c>bingroup</c>); needed to compare
    /// overlaid histograms (<see cref="BarMode.Overlay"/>) bar by bar.</summary>
    [JsonPropertyName("bingroup")]
    public string? BinGroup { get; set; }

    /// <summary>How the bars are filled and outlined.</summary>
    public Marker? Marker { get; set; }
}
