using System.Text.Json.Nodes;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>Kernel names as Polyglot Notebooks writes them.</summary>
public static class NotebookLanguages
{
    /// <summary>The C# kernel.</summary>
    public const string CSharp = "csharp";

    /// <summary>Markdown cells.</summary>
    public const string Markdown = "markdown";

    /// <summary>HTML cells (rendered as their own source).</summary>
    public const string Html = "html";

    /// <summary>Maps the aliases Polyglot accepts ("c#", "C#", "cs") to <see cref="CSharp"/>.</summary>
    public static string Normalize(string? name) =>
        name?.Trim().ToLowerInvariant() switch
        {
            null or "" or "c#" or "cs" or "csharp" => CSharp,
            "md" or "markdown" => Markdown,
            var other => other,
        };
}
