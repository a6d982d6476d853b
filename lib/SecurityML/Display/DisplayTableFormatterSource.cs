namespace SecurityML.Display;

/// <summary>
/// Creates the notebook formatters of <see cref="DisplayTable"/>, found through its
/// <see cref="TypeFormatterSourceAttribute"/> by Polyglot Notebooks, Jupyter's .NET kernel and the <c>secml</c>
/// runner: a table is displayed as the HTML of <see cref="DisplayTable.ToHtml"/> in all three.
/// </summary>
public sealed class DisplayTableFormatterSource
{
    /// <summary>The formatters: one <c>text/html</c> formatter for <see cref="DisplayTable"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter<DisplayTable>((table, writer) => writer.Write(table.ToHtml()));
    }
}
