using SecurityML.Data;
using SecurityML.Detection.Clustering;
using SecurityML.Features.CommandLine;
using SecurityML.Tests.TestSupport;
using Xunit.Abstractions;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>
/// The process-clustering notebook's pipeline on the bundled sample data, with the notebook's library calls and
/// default parameters: the planted commands (ProcessCreation.labels.csv) must be the rarest patterns.
/// </summary>
public sealed class ProcessClusteringNotebookTests(ITestOutputHelper output)
{
    // The notebook's parameters.
    private const double MaximumDistance = 0.001;
    private const int MinimumSamples = 2;
    private const int RareClusterSize = 2;

    [Fact]
    public void Planted_commands_surface_at_the_top()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        var events = provider.ProcessCreation();
        var clusters = ProcessClusters.Find(
            events,
            new DbscanOptions { MaximumDistance = MaximumDistance, MinimumSamples = MinimumSamples },
            RareClusterSize
        );
        var (summary, rarest) = (clusters.Summary, clusters.Rare);
        foreach (var row in rarest)
            output.WriteLine(
                $"{row.ClusterSize} {row.Item.Event.Computer} {row.Item.Event.SubjectLogonId} "
                    + $"{row.Item.Event.CommandLine}"
            );

        var labels = provider.Labels(DataSets.ProcessCreation);
        bool IsPlanted(ProcessCreationEvent e) =>
            !ProcessFeatures.SystemSessionLogonIds.Contains(e.SubjectLogonId)
            && labels.Any(l =>
                l.Entity == e.Computer && l.WindowStart <= e.TimeGenerated && e.TimeGenerated < l.WindowEnd
            );
        var planted = events.Where(IsPlanted).ToList();
        output.WriteLine(
            $"{events.Count} events, {clusters.ClusterCount} clusters, {summary.Count} summary rows, "
                + $"{planted.Count} planted"
        );

        events.Count.Should().BeGreaterThan(2000);
        planted.Should().HaveCount(11, "the labels describe seven commands on WS-FIN-002 and four on APP01");
        rarest
            .Select(row => row.Item.Event)
            .Should()
            .BeEquivalentTo(planted, "the rare patterns are the planted commands and nothing else");
        summary.Count.Should().BeLessThan(events.Count / 20, "repetitive events collapse into few rows");
        var sessions = clusters.RareByLogonSession();
        sessions
            .Select(s => (s.Computer, s.SubjectLogonId, s.RarePatterns))
            .Take(2)
            .Should()
            .Equal(("WS-FIN-002.contoso.local", "0x79db43b2", 7), ("APP01.contoso.local", "0x302b685b", 4));
    }
}
