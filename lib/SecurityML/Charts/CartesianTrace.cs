using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>A trace drawn on a pair of 2-D axes: x and y values and the axes they use.</summary>
public abstract class CartesianTrace : Trace
{
    private protected CartesianTrace() { }

    /// <summary>The x values: numbers, category labels (HTML-encoded) or instants (ISO 8601 UTC).</summary>
    public PlotValues? X { get; set; }

    /// <summary>The y values: numbers, category labels (HTML-encoded) or instants (ISO 8601 UTC).</summary>
    public PlotValues? Y { get; set; }

    /// <summary>The x-axis used: <c>x</c> (the default, <see cref="Layout.XAxis"/>) or <c>x2</c>
    /// (<see cref="Layout.XAxis2"/>).</summary>
    [JsonPropertyName("xaxis")]
    public string? XAxis { get; set; }

    /// <summary>The y-axis used: <c>y</c> (the default, <see cref="Layout.YAxis"/>) or <c>y2</c>
    /// (<see cref="Layout.YAxis2"/>).</summary>
    [JsonPropertyName("yaxis")]
    public string? YAxis { get; set; }
}
