using System.Reflection;
using System.Runtime.Loader;

namespace SecurityML.Runner;

/// <summary>
/// Loads the SecurityML library from the one place notebooks load it from (<c>artifacts/lib/SecurityML.dll</c>, found
/// above the runner's folder, or the file named by <see cref="EnvironmentVariable"/>). The runner ships no copy of
/// its own: a second copy with the same identity would win over the notebooks' <c>#r</c> and go stale whenever only
/// the library is rebuilt.
/// </summary>
public static class LibraryResolver
{
    /// <summary>Names a SecurityML.dll to use instead of the repository's <c>artifacts/lib</c> copy.</summary>
    public const string EnvironmentVariable = "SECML_LIBRARY";

    private const string LibraryName = "SecurityML";
    private const string RelativePath = "artifacts/lib/SecurityML.dll";
    private static int _registered;

    /// <summary>Registers the resolver once for the process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    /// <summary>The SecurityML.dll the runner and its notebooks use, or null when none is built.</summary>
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        return FolderSearch.FindAbove(AppContext.BaseDirectory, RelativePath);
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != LibraryName)
            return null;
        var path =
            Locate()
            ?? throw new FileNotFoundException(
                $"SecurityML.dll was not found: build the solution (dotnet build Notebooks.sln puts it in "
                    + $"{RelativePath}) or set {EnvironmentVariable}."
            );
        return context.LoadFromAssemblyPath(path);
    }
}
