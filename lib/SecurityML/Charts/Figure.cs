using SecurityML.Display;

namespace SecurityML.Charts;

/// <summary>
/// A plotly.js figure: traces (<see cref="Data"/>), <see cref="Layout"/> and <see cref="Config"/>. Displaying one
/// in a Polyglot notebook, or in a notebook run by <c>secml</c>, draws it (see <see cref="FigureFormatterSource"/>).
/// </summary>
/// <example>
/// <code>
/// var figure = new Figure { Data = { new Scatter { X = times, Y = counts, Name = "sign-ins" } } };
/// figure.Layout.Title = "Sign-ins per hour";
/// </code>
/// </example>
[TypeFormatterSource(typeof(FigureFormatterSource))]
public sealed class Figure
{
    /// <summary>The traces, drawn in order (later ones on top).</summary>
    public List<Trace> Data { get; } = [];

    /// <summary>Title, size, axes, shapes, annotations, legend.</summary>
    public Layout Layout { get; set; } = new();

    /// <summary>How the figure behaves in the page; responsive and without the plotly logo by default.</summary>
    public Config Config { get; set; } = new();

    /// <summary>The figure as plotly.js JSON; see <see cref="FigureJson.Serialize"/>.</summary>
    public string ToJson() => FigureJson.Serialize(this);

    /// <summary>The figure as an HTML fragment that draws it; see <see cref="FigureHtml.ToHtml"/>.</summary>
    /// <param name="divId">The id of the <c>div</c> drawn into; a fresh one when null.</param>
    public string ToHtml(string? divId = null) => FigureHtml.ToHtml(this, divId);
}
