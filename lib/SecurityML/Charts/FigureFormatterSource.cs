using SecurityML.Display;

namespace SecurityML.Charts;

/// <summary>
/// Creates the notebook formatters of <see cref="Figure"/>, found through its
/// <see cref="TypeFormatterSourceAttribute"/> by Polyglot Notebooks and by the <c>secml</c> runner: a figure is
/// displayed as the HTML of <see cref="FigureHtml.ToHtml"/>.
/// </summary>
public sealed class FigureFormatterSource
{
    /// <summary>The formatters: one <c>text/html</c> formatter for <see cref="Figure"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter<Figure>((figure, writer) => writer.Write(FigureHtml.ToHtml(figure)));
    }
}
