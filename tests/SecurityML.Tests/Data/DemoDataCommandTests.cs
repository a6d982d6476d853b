using SecurityML.Runner.Commands;

namespace SecurityML.Tests.Data;

public sealed class DemoDataCommandTests
{
    [Fact]
    public void Writes_the_files_and_another_seed_gives_other_data()
    {
        using var folder = new TemporaryFolder();

        var exitCode = DemoDataCommand.Create().Parse(["--output", folder.Path, "--seed", "7"]).Invoke();

        exitCode.Should().Be(0);
        Directory.GetFiles(folder.Path).Should().HaveCount(23);
        var sample = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");
        File.ReadAllBytes(folder.File("Logons.csv")).SequenceEqual(File.ReadAllBytes(sample)).Should().BeFalse();
    }

    [Fact]
    public void Bad_scale_exits_with_1_and_says_why_in_the_option_style()
    {
        using var folder = new TemporaryFolder();
        var error = new StringWriter();

        var exitCode = DemoDataCommand.Run(0, 1, new DirectoryInfo(folder.Path), TextWriter.Null, error);

        exitCode.Should().Be(1);
        error
            .ToString()
            .Should()
            .Be("secml demo-data: --scale: expected a whole number from 1 to 1000, received 0" + Environment.NewLine);
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public void Security_lake_data_where_duckdb_cannot_load_exits_with_1_before_writing_any_file()
    {
        using var folder = new TemporaryFolder();
        using var context = new SecurityML.Tests.Data.Engines.DuckDbMissingContext();
        var error = new StringWriter();
        var run = context
            .TypeOf("secml", "SecurityML.Runner.Commands.DemoDataCommand")
            .GetMethod("Run", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        var exitCode = run.Invoke(null, [1, 42L, new DirectoryInfo(folder.Path), TextWriter.Null, error, true]);

        exitCode.Should().Be(1);
        error
            .ToString()
            .Should()
            .StartWith("secml demo-data: --security-lake writes Parquet through DuckDB, whose native library could not")
            .And.Contain(context.MissingLibrary);
        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public void Output_is_required()
    {
        DemoDataCommand.Create().Parse(["--scale", "1"]).Errors.Should().NotBeEmpty();
    }
}
