using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Mono.Cecil;

namespace SecurityML.Tests.Architecture;

/// <summary>
/// The top-level folders of lib/SecurityML reference each other only in the directions issue 17 allows
/// (<see cref="FolderRules.Allowed"/>) and never in a cycle, checked over the built assembly's IL (signatures and
/// method bodies), not its source text.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Top_level_folders_reference_each_other_only_in_the_allowed_directions_and_without_cycles()
    {
        var edges = FolderGraph.Read(typeof(Workspace).Assembly.Location, "SecurityML");

        edges.Should().NotBeEmpty("the library's folders use each other");
        FolderRules
            .Check(edges, new HashSet<string>(StringComparer.Ordinal))
            .Should()
            .BeEmpty("every edge between folders follows issue 17's directions; found:\n" + string.Join("\n", edges));
    }

    [Fact]
    public void A_cycle_and_an_edge_against_the_directions_are_reported_with_an_example_type_pair()
    {
        var edges = new[]
        {
            new FolderEdge(
                "Data",
                "Scoring",
                "SecurityML.Data.CsvRecordReader",
                "SecurityML.Scoring.CsvRecordSplitter"
            ),
            new FolderEdge("Scoring", "Data", "SecurityML.Scoring.EventRecords", "SecurityML.Data.LogonEvent"),
            new FolderEdge("Detection", "Data", "SecurityML.Detection.A", "SecurityML.Data.B"),
        };

        var problems = FolderRules.Check(edges, new HashSet<string>());

        problems
            .Should()
            .BeEquivalentTo(
                "not allowed: Data→Scoring (e.g. SecurityML.Data.CsvRecordReader uses "
                    + "SecurityML.Scoring.CsvRecordSplitter)",
                "cycle between [Data, Scoring]: Data→Scoring (e.g. SecurityML.Data.CsvRecordReader uses "
                    + "SecurityML.Scoring.CsvRecordSplitter); "
                    + "Scoring→Data (e.g. SecurityML.Scoring.EventRecords uses SecurityML.Data.LogonEvent)"
            );
        FolderRules.Check(edges, new HashSet<string> { "Data→Scoring" }).Should().BeEmpty("a known edge is left out");
        FolderRules
            .Check(edges, new HashSet<string> { "Data→Scoring", "Charts→Data" })
            .Should()
            .Equal("known violation Charts→Data is gone: remove it from the known list");
    }

    [Fact]
    public void References_in_method_bodies_count_as_well_as_signatures()
    {
        const string source = """
            namespace Demo.Data
            {
                public class Reader { public int Count() { var scorer = new Demo.Scoring.Splitter(); return scorer.Parts; } }
            }
            namespace Demo.Scoring
            {
                public class Splitter { public int Parts => 2; public Demo.Data.Reader? Source { get; set; } }
            }
            namespace Demo.Charts
            {
                public static class Chart
                {
                    public static object Make() => System.Linq.Enumerable.Empty<Demo.Tuning.Metric>();
                }
            }
            namespace Demo.Tuning { public record Metric(double Value); }
            """;
        using var stream = Compile(source);
        using var module = ModuleDefinition.ReadModule(stream);

        var edges = FolderGraph.Read(module, "Demo");

        edges
            .Select(edge => edge.ToString())
            .Should()
            .BeEquivalentTo(
                "Charts→Tuning (e.g. Demo.Charts.Chart uses Demo.Tuning.Metric)",
                "Data→Scoring (e.g. Demo.Data.Reader uses Demo.Scoring.Splitter)",
                "Scoring→Data (e.g. Demo.Scoring.Splitter uses Demo.Data.Reader)"
            );
        FolderRules.Cycles(edges).Should().ContainSingle().Which.Should().Equal("Data", "Scoring");
        FolderRules
            .Check(edges, new HashSet<string>())
            .Should()
            .Contain(problem => problem.StartsWith("not allowed: Charts→Tuning", StringComparison.Ordinal));
    }

    private static MemoryStream Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Demo",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );
        var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return stream;
    }
}
