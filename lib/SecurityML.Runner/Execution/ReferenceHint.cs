using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SecurityML.Runner.Execution;

/// <summary>
/// A hint for the compile error of a <c>#r</c> whose file is missing (CS0006): a relative <c>#r</c> path is resolved
/// from the notebook's folder, so a notebook copied out of <c>notebooks/</c> no longer finds
/// <c>../artifacts/lib/SecurityML.dll</c>. The hint names the full path that was looked for.
/// </summary>
internal static partial class ReferenceHint
{
    /// <summary>Roslyn's "Metadata file '…' could not be found".</summary>
    public const string MissingMetadataFile = "CS0006";

    /// <summary>
    /// The text to append to <paramref name="diagnostic"/>'s message, or an empty string: only for a CS0006 reported
    /// on a <c>#r "relative/path"</c> line of the cell, as the message then names that path.
    /// </summary>
    /// <param name="diagnostic">A compile error of a cell.</param>
    /// <param name="notebookDirectory">The folder <c>#r</c> paths are resolved from.</param>
    public static string For(Diagnostic diagnostic, string notebookDirectory)
    {
        if (diagnostic.Id != MissingMetadataFile || diagnostic.Location.SourceTree is not { } tree)
            return "";
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        var text = tree.GetText().Lines[line].ToString();
        if (ReferenceDirective().Match(text) is not { Success: true } match)
            return "";
        var path = match.Groups["path"].Value;
        if (Path.IsPathRooted(path))
            return "";
        return $" (#r paths are relative to the notebook's folder: this one is "
            + $"{Path.GetFullPath(Path.Combine(notebookDirectory, path))}; a notebook copied to another folder needs "
            + "its #r paths changed)";
    }

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceDirective();
}
