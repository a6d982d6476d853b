using SecurityML.Data.Engines;

namespace SecurityML.Tests.Data.Engines;

public sealed class DuckDbEngineTests
{
    [Fact]
    public void The_native_engine_loads_and_answers_a_query()
    {
        DuckDbEngine.Version().Should().MatchRegex(@"^v1\.5\.\d+");
    }

    [Fact]
    public void The_notebook_library_folder_holds_the_native_library_next_to_the_bindings()
    {
        string folder = Path.Combine(RepositoryPaths.Root, "artifacts", "lib");
        File.Exists(Path.Combine(folder, "DuckDB.NET.Bindings.dll")).Should().BeTrue();
        string native =
            OperatingSystem.IsWindows() ? "duckdb.dll"
            : OperatingSystem.IsMacOS() ? "libduckdb.dylib"
            : "libduckdb.so";
        File.Exists(Path.Combine(folder, native))
            .Should()
            .BeTrue($"a kernel that loads artifacts/lib/SecurityML.dll by #r finds {native} only next to it");
    }
}
