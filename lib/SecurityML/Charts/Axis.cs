using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>A 2-D axis (<see cref="Layout.XAxis"/>, …) or a 3-D scene axis (<see cref="Scene.XAxis"/>, …).
/// <see cref="Domain"/>, <see cref="Anchor"/>, <see cref="Overlaying"/> and <see cref="Side"/> place 2-D axes
/// only; scene axes ignore them.</summary>
public sealed class Axis
{
    /// <summary>The axis title; HTML-encoded, written as plotly's <c>{"text": …}</c>.</summary>
    [JsonConverter(typeof(TitleConverter))]
    public string? Title { get; set; }

    /// <summary>The scale; plotly guesses it from the first trace's data when unset.</summary>
    public AxisType? Type { get; set; }

    /// <summary>The part of the plot area the axis spans, as two fractions [start, end] in 0–1; e.g.
    /// [0.3, 1] for an upper panel and [0, 0.25] for a lower one.</summary>
    public IReadOnlyList<double>? Domain { get; set; }

    /// <summary>The axis this one is drawn against: for an x-axis a y-axis id (<c>y</c>, <c>y2</c>), for a
    /// y-axis an x-axis id (<c>x</c>, <c>x2</c>), or <c>free</c>.</summary>
    public string? Anchor { get; set; }

    /// <summary>The axis id this one is drawn over (<c>y</c> for a second y-axis on the same plot).</summary>
    public string? Overlaying { get; set; }

    /// <summary>Which side of the plot the axis is drawn on.</summary>
    public AxisSide? Side { get; set; }

    /// <summary>The visible range [start, end], in data units (instants for a date axis, powers of ten for a
    /// log axis); plotly fits the data when unset.</summary>
    public PlotValues? Range { get; set; }

    /// <summary>Another axis id (<c>x</c>) whose range this axis always shares while zooming.</summary>
    public string? Matches { get; set; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; set; }

    /// <summary>Whether a line is drawn at zero.</summary>
    public bool? ZeroLine { get; set; }

    /// <summary>Whether the tick labels are shown.</summary>
    public bool? ShowTickLabels { get; set; }

    /// <summary>A d3-format or d3-time-format pattern for tick labels (<c>.2f</c>, <c>%H:%M</c>).</summary>
    public string? TickFormat { get; set; }

    /// <summary>A d3-format or d3-time-format pattern for the value shown on hover (<c>,.0f</c>,
    /// <c>%Y-%m-%d %H:%M</c>); the tick format when unset.</summary>
    public string? HoverFormat { get; set; }

    /// <summary>Tick formats that depend on the zoom level (plotly <c>tickformatstops</c>): e.g. hours and minutes
    /// while ticks are less than a day apart, the day otherwise. Takes precedence over <see cref="TickFormat"/>.
    /// </summary>
    public IReadOnlyList<TickFormatStop>? TickFormatStops { get; set; }

    /// <summary>The positions of the ticks, in data units; plotly places them when unset. With
    /// <see cref="TickText"/>, one label per position.</summary>
    [JsonPropertyName("tickvals")]
    public IReadOnlyList<double>? TickValues { get; set; }

    /// <summary>The label of each of <see cref="TickValues"/>; HTML-encoded.</summary>
    [JsonPropertyName("ticktext")]
    [JsonConverter(typeof(DisplayTextListConverter))]
    public IReadOnlyList<string?>? TickText { get; set; }

    /// <summary>The largest number of ticks plotly draws when it places them (plotly <c>nticks</c>; ≥ 0, 0 = plotly
    /// picks).</summary>
    [JsonPropertyName("nticks")]
    public int? NumberOfTicks { get; set; }

    /// <summary>How exponents of large or small numbers are written: <c>power</c> (10⁻⁴), <c>e</c> (1e-4),
    /// <c>SI</c> (100µ), <c>B</c> (plotly's default: SI with <c>B</c> for billion), <c>none</c>.</summary>
    public string? ExponentFormat { get; set; }

    /// <summary>Which tick labels show their exponent: <c>all</c> (plotly's default), <c>first</c>,
    /// <c>last</c>, <c>none</c>.</summary>
    public string? ShowExponent { get; set; }

    /// <summary>How categories are ordered: <c>trace</c> (the default), <c>array</c> (as
    /// <see cref="CategoryArray"/>), <c>category ascending</c>, <c>total descending</c>, ….</summary>
    public string? CategoryOrder { get; set; }

    /// <summary>The category order when <see cref="CategoryOrder"/> is <c>array</c>, bottom/left first; the
    /// labels are HTML-encoded like the trace's, so they match.</summary>
    public PlotValues? CategoryArray { get; set; }
}
