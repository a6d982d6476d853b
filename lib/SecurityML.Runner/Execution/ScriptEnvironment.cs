using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Script options as the C# kernel sets them: the whole shared framework (and ASP.NET Core's, for IHtmlContent)
/// referenced, the kernel's default imports, <c>#r</c> and <c>#load</c> resolved from the notebook's folder.
/// </summary>
internal static class ScriptEnvironment
{
    /// <summary>The C# kernel's default usings.</summary>
    public static readonly string[] DefaultImports =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>Options for the cell at <paramref name="cellFilePath"/> (a pseudo path in the notebook's
    /// folder).</summary>
    public static ScriptOptions For(string notebookDirectory, string cellFilePath) =>
        ScriptOptions
            .Default.WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithFilePath(cellFilePath);

    private static IReadOnlyList<MetadataReference> LoadFrameworkReferences()
    {
        var folders = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(HtmlString).Assembly.Location)!,
        };
        return folders
            .Distinct()
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .Where(IsManagedAssembly)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
