using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// A collectible load context with its own SecurityML.dll, secml.dll and DuckDB.NET assemblies (from the test's output
/// folder)
/// in which DuckDB's native library cannot load: each request for <c>duckdb</c> is sent to a file that does not exist,
/// so the runtime's own loader throws the <see cref="DllNotFoundException"/> a platform without the library gives.
/// With a <c>failure</c>, that exception is thrown instead (an error that is not a load failure). Every other
/// assembly (CsvHelper, the framework) is shared with the default context.
/// </summary>
/// <remarks>
/// Checked against a real missing library (a console program whose output folder lacks <c>libduckdb.so</c>, .NET 10,
/// DuckDB.NET 1.5.6.1): the first connection throws a bare <see cref="DllNotFoundException"/> from
/// <c>DuckDBConnectionStringBuilder</c>'s static constructor, as here; a second one then throws a
/// <see cref="NullReferenceException"/> there (the class counts as initialized), while in this context it waits
/// forever on the class's initialization. A test must therefore let DuckDB.NET run at most once per context.
/// </remarks>
/// <param name="failure">Null for a missing library; otherwise the exception each request throws.</param>
public sealed class DuckDbMissingContext(Func<Exception>? failure = null)
    : AssemblyLoadContext("secml-duckdb-missing", isCollectible: true),
        IDisposable
{
    /// <summary>Where the context looks for the native library: a file that does not exist.</summary>
    public string MissingLibrary { get; } =
        Path.Combine(
            Path.GetTempPath(),
            "secml-no-duckdb-" + Guid.NewGuid().ToString("N"),
            OperatingSystem.IsWindows() ? "duckdb.dll"
                : OperatingSystem.IsMacOS() ? "libduckdb.dylib"
                : "libduckdb.so"
        );

    /// <summary>The names the runtime asked this context to load as native libraries, in order.</summary>
    public ConcurrentQueue<string> NativeRequests { get; } = new();

    /// <summary>A type of this context's copy of an assembly, e.g. (<c>SecurityML</c>,
    /// <c>SecurityML.Data.Engines.DuckDbEngine</c>).</summary>
    public Type TypeOf(string assembly, string fullName) =>
        LoadFromAssemblyName(new AssemblyName(assembly)).GetType(fullName, throwOnError: true)!;

    /// <summary>A type of this context's SecurityML.dll.</summary>
    public Type LibraryType(string fullName) => TypeOf("SecurityML", fullName);

    /// <summary>Calls a static method of this context's SecurityML.dll; exceptions are not wrapped.</summary>
    public object? Call(string typeName, string method, Type[] parameterTypes, params object?[] arguments) =>
        LibraryType(typeName)
            .GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, parameterTypes)!
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, null);

    /// <summary>Reads a static property of this context's SecurityML.dll; exceptions are not wrapped.</summary>
    public object? Get(string typeName, string property) =>
        LibraryType(typeName)
            .GetProperty(property, BindingFlags.Public | BindingFlags.Static)!
            .GetMethod!.Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null);

    /// <summary>Unloads the context.</summary>
    public void Dispose() => Unload();

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name
        && (name is "SecurityML" or "secml" || name.StartsWith("DuckDB.NET.", StringComparison.Ordinal))
            ? LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name + ".dll"))
            : null;

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        NativeRequests.Enqueue(unmanagedDllName);
        if (!unmanagedDllName.Contains("duckdb", StringComparison.OrdinalIgnoreCase))
            return IntPtr.Zero;
        if (failure is not null)
            throw failure();
        return LoadUnmanagedDllFromPath(MissingLibrary);
    }
}
