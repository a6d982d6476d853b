namespace SecurityML.Runner.Execution;

/// <summary>A <c>--param name=value</c> given on the command line.</summary>
/// <param name="Name">The variable name in the parameters cell.</param>
/// <param name="Value">The raw value, converted to the variable's type.</param>
/// <param name="Optional">When true, a notebook that does not declare it just skips it (used for outputDir).</param>
public sealed record NotebookParameter(string Name, string Value, bool Optional = false)
{
    /// <summary>Parses <c>name=value</c>; the value may be empty and may contain '='.</summary>
    /// <exception cref="ArgumentException">No '=' or the name is not a C# identifier.</exception>
    public static NotebookParameter Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new ArgumentException($"--param expects name=value, received '{text}'.", nameof(text));
        }
        var name = text[..equals].Trim();
        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name))
        {
            throw new ArgumentException($"--param name must be a C# identifier, received '{name}'.", nameof(text));
        }
        return new NotebookParameter(name, text[(equals + 1)..]);
    }
}
