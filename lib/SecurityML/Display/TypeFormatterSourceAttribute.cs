namespace SecurityML.Display;

/// <summary>
/// Names the class that creates this type's notebook formatters. .NET Interactive (Polyglot Notebooks) finds this
/// attribute by its name, so the library renders as HTML there without referencing .NET Interactive; the
/// <c>secml</c> runner honours the same convention, so output is identical in both.
/// </summary>
/// <remarks>
/// The source type has a public parameterless constructor and a <c>CreateTypeFormatters()</c> method returning
/// objects that each expose <c>string MimeType</c> and <c>bool Format(object instance, TextWriter writer)</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="formatterSourceType">The class with a <c>CreateTypeFormatters()</c> method.</param>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));
    }

    /// <summary>The class with a <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>MIME types to prefer when the host displays the value; default <c>text/html</c>.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}
