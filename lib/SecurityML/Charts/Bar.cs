using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>A bar per value (plotly <c>bar</c>). Vertical bars take categories in <see cref="CartesianTrace.X"/>
/// and lengths in <see cref="CartesianTrace.Y"/>; horizontal bars the other way round.</summary>
public sealed class Bar : CartesianTrace
{
    /// <summary>Vertical (the default) or horizontal bars.</summary>
    public Orientation? Orientation { get; set; }

    /// <summary>A text per bar, shown on or beside it; HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? Text { get; set; }

    /// <summary>A hover text per bar; HTML-encoded.</summary>
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? HoverText { get; set; }

    /// <summary>How the bars are filled and outlined.</summary>
    public Marker? Marker { get; set; }
}
