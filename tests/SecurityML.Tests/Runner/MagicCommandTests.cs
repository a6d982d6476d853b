using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

[Collection(NotebookExecutionCollection.Name)]
public sealed class MagicCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", 1, "the magic command '#!fsharp' is not supported")]
    [InlineData("var a = 1;\n#!who", 2, "the magic command '#!who' is not supported")]
    [InlineData("#r \"nuget: Plotly.NET, 4.0.0\"", 1, "secml cannot restore NuGet packages")]
    [InlineData("#i \"nuget: https://example/feed\"", 1, "package sources (#i) are not supported")]
    public async Task Unsupported_directive_stops_before_any_cell_runs(string source, int line, string message)
    {
        var result = await new NotebookBuilder()
            .Code("Console.WriteLine(\"must not run\");")
            .Markdown("text")
            .Code(source)
            .RunAsync(_folder);

        result.ExitCode.Should().Be(NotebookRunResult.InvalidInput);
        result
            .InvalidInputMessage.Should()
            .StartWith($"{_folder["test.ipynb"]}, cell 3, line {line}: ")
            .And.Contain(message);
        result.Notebook.Cells[0].Outputs.Should().BeEmpty();
    }

    [Fact]
    public async Task Reference_directive_resolves_relative_to_the_notebook_folder()
    {
        Directory.CreateDirectory(_folder["libs"]);
        var compilation = CSharpCompilation.Create(
            "Tiny",
            [
                CSharpSyntaxTree.ParseText(
                    "namespace Tiny; public static class Greeter { public static string Hello(string n) => \"hello "
                        + "\" + n; }"
                ),
            ],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        );
        compilation.Emit(_folder["libs/Tiny.dll"]).Success.Should().BeTrue();

        var result = await new NotebookBuilder()
            .Code("#r \"libs/Tiny.dll\"\nusing Tiny;")
            .Code("Greeter.Hello(\"notebook\")")
            .RunAsync(_folder);

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Failures.Select(f => f.Message)));
        result.Notebook.Cells[1].Outputs.OfType<DisplayOutput>().Single().PlainText.Should().Be("hello notebook");
    }

    [Fact]
    public async Task Missing_reference_is_a_compile_error_of_that_cell()
    {
        var result = await new NotebookBuilder().Code("#r \"libs/Missing.dll\"").RunAsync(_folder);

        result.Failures.Single().Message.Should().StartWith("In [1], line 1").And.Contain("Missing.dll");
    }
}
