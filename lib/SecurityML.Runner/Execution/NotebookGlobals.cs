using Microsoft.AspNetCore.Html;
using SecurityML.Runner.Formatting;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Members every cell can call without a qualifier, with the C# kernel's names, so notebooks run unchanged in
/// Polyglot Notebooks and in <c>secml</c>.
/// </summary>
#pragma warning disable IDE1006 // lower-case names match the kernel's
public class NotebookGlobals
{
    private readonly OutputSink _sink;

    internal NotebookGlobals(OutputSink sink) => _sink = sink;

    /// <summary>Displays <paramref name="value"/> below the cell; returns a handle whose <c>Update</c> replaces
    /// it.</summary>
    /// <param name="value">Any value; formatted by convention formatters, as a table, or as text.</param>
    /// <param name="mimeTypes">Optional MIME types to show it as (e.g. "text/plain").</param>
    public DisplayedValue display(object? value, params string[] mimeTypes) =>
        _sink.Add(new DisplayOutput(ValueFormatter.Format(value, mimeTypes)));

    /// <summary>Wraps trusted markup so that displaying it renders HTML (as the kernel's <c>HTML</c>).</summary>
    public IHtmlContent HTML(string content) => new HtmlString(content);
}
#pragma warning restore IDE1006
