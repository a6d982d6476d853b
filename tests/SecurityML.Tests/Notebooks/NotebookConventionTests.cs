using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Notebooks;

/// <summary>The committed notebooks follow the house style: clean, parameterised, guided by markdown.</summary>
public sealed class NotebookConventionTests
{
    private const int MaxCodeCellLines = 15;

    public static TheoryData<string> Notebooks() => NotebookExecutionTests.Notebooks();

    private static NotebookDocument Load(string fileName) =>
        NotebookDocument.Load(Path.Combine(RepositoryPaths.Notebooks, fileName));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_committed_without_outputs(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, fileName));
        text.Should()
            .Be(
                IpynbWriter.Serialize(Load(fileName), includeOutputs: false),
                "notebooks are committed clean and in the writer's canonical form (secml writes executed copies "
                    + "elsewhere)"
            );
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_starts_with_a_title_and_has_one_parameters_cell_with_outputDir(string fileName)
    {
        var notebook = Load(fileName);
        notebook.Cells[0].Kind.Should().Be(CellKind.Markdown);
        notebook.Cells[0].Source.Should().StartWith("# ");
        var parameters = notebook.Cells.Where(c => c.Tags.Contains("parameters")).Should().ContainSingle().Subject;
        parameters.Source.Should().Contain(NotebookRunner.OutputDirectoryParameter);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_code_cell_is_short_and_follows_markdown(string fileName)
    {
        var cells = Load(fileName).Cells;
        for (var index = 0; index < cells.Count; index++)
        {
            if (cells[index].Kind != CellKind.Code)
                continue;
            cells[index]
                .Source.Split('\n')
                .Length.Should()
                .BeLessThanOrEqualTo(MaxCodeCellLines, $"cell {index + 1} is a short call into the library");
            cells[index].Source.Should().NotContain("#r \"nuget:", $"cell {index + 1} loads the library by path");
            var previous = cells[index - 1];
            (
                previous.Kind == CellKind.Markdown
                || previous.Tags.Contains("parameters")
                || cells[index].Tags.Contains("parameters")
            )
                .Should()
                .BeTrue($"cell {index + 1} is explained by markdown before it");
        }
    }
}
