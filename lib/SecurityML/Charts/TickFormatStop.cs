using System.Text.Json.Serialization;

namespace SecurityML.Charts;

/// <summary>A tick format used while the distance between ticks is within a range (plotly
/// <c>tickformatstops</c> item); see <see cref="Axis.TickFormatStops"/>.</summary>
public sealed class TickFormatStop
{
    /// <summary>The range [smallest, largest] of the tick distance this format applies to, in data units
    /// (milliseconds on a date axis); null for an open end.</summary>
    [JsonPropertyName("dtickrange")]
    public required IReadOnlyList<double?> TickDistanceRange { get; init; }

    /// <summary>The d3-format or d3-time-format pattern (<c>%Y-%m-%d</c>).</summary>
    public required string Value { get; init; }
}
