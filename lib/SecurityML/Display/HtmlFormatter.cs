namespace SecurityML.Display;

/// <summary>
/// A convention-based notebook formatter (see <see cref="TypeFormatterSourceAttribute"/>) writing
/// <c>text/html</c> for values of type <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The type this formatter renders.</typeparam>
public sealed class HtmlFormatter<T>
{
    private readonly Action<T, TextWriter> _write;

    /// <summary>Creates a formatter from a write action.</summary>
    /// <param name="write">Writes the HTML for one value; must HTML-encode any text that came from data.</param>
    public HtmlFormatter(Action<T, TextWriter> write) =>
        _write = write ?? throw new ArgumentNullException(nameof(write));

    /// <summary>The MIME type this formatter writes: <c>text/html</c>.</summary>
    public string MimeType => "text/html";

    /// <summary>The type this formatter handles.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/> as HTML; returns false if it is not a
    /// <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not T value)
        {
            return false;
        }
        _write(value, writer);
        return true;
    }
}
