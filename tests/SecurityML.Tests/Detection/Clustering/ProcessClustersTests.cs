using System.Text.Json;
using SecurityML.Charts;
using SecurityML.Data;
using SecurityML.Detection.Clustering;
using SecurityML.Features.CommandLine;
using SecurityML.Tests.Charts;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>
/// The one-call wrapper of notebook 06 (<see cref="ProcessClusters.Find"/>) against the expert path it wraps
/// (features → matrix → DBSCAN → summary → flagged rows) and against scikit-learn's labels (via
/// <see cref="Dbscan"/>).
/// </summary>
public sealed class ProcessClustersTests
{
    private static readonly IReadOnlyList<ProcessCreationEvent> Events = QueryProvider
        .Local(RepositoryPaths.SampleData)
        .ProcessCreation();
    private static readonly DbscanOptions Options = new() { MaximumDistance = 0.003, MinimumSamples = 3 };
    private static readonly ProcessFeature[] Columns =
    [
        ProcessFeature.CommandLineTokensFull,
        ProcessFeature.CommandLineLogLength,
        ProcessFeature.IsSystemSession,
    ];

    [Fact]
    public void Find_gives_what_the_expert_path_gives_with_the_same_arguments()
    {
        var features = ProcessFeatures.Compute(Events);
        var matrix = ProcessFeatures.ToMatrix(features, Columns);
        var clustering = Dbscan.Cluster(matrix, Options);
        var model = new DbscanDetector(Options, Columns.Select(c => c.ToString()).ToList())
            .Fit(matrix)
            .WithRareClusterSize(3);
        var summary = ClusterSummary.Summarize(
            features,
            clustering.Labels,
            f => f.Event.TimeGenerated,
            NoiseEventTimes.WholeNoiseSet
        );

        var clusters = ProcessClusters.Find(Events, Options, 3, Columns, NoiseEventTimes.WholeNoiseSet);

        clusters.Events.Should().BeSameAs(Events);
        clusters.Features.Should().Equal(features);
        clusters.FeatureNames.Should().Equal(Columns);
        clusters.Matrix.Should().BeEquivalentTo(matrix, o => o.WithStrictOrdering());
        clusters.Labels.Should().Equal(clustering.Labels, "training rows get their DBSCAN labels back");
        clusters.ClusterCount.Should().Be(clustering.ClusterCount);
        clusters.NoiseCount.Should().Be(clustering.NoiseCount);
        clusters.Model.Card.Threshold.Should().Be(model.Card.Threshold);
        clusters.Model.Card.Features.Should().Equal(Columns.Select(c => c.ToString()));
        clusters.RareClusterSize.Should().Be(3);
        clusters.Summary.Should().Equal(summary);
        clusters.Rare.Should().Equal(ClusterSummary.Rarest(summary, 3)).And.NotBeEmpty();
        clusters.Results.Should().Equal(ProcessClusterReport.ToResults(summary));
        clusters.RareResults.Should().Equal(ProcessClusterReport.ToResults(clusters.Rare));
        clusters
            .RareByLogonSession()
            .Should()
            .BeEquivalentTo(ProcessClusterReport.ByLogonSession(clusters.Rare), o => o.WithStrictOrdering());
        clusters
            .RareSessionProcesses()
            .Should()
            .BeEquivalentTo(LogonSessionProcesses.Of(clusters.Rare, Events), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Defaults_are_the_notebook_features_own_noise_times_and_msticpy_options()
    {
        var clusters = ProcessClusters.Find(Events);

        clusters.FeatureNames.Should().Equal(ProcessFeatures.DefaultClusteringFeatures);
        clusters.Model.Options.Should().BeEquivalentTo(new DbscanOptions());
        clusters.RareClusterSize.Should().Be(DbscanModel.DefaultRareClusterSize);
        clusters
            .Summary.Where(row => !row.Clustered)
            .Should()
            .OnlyContain(row =>
                row.FirstEventTime == row.Item.Event.TimeGenerated && row.LastEventTime == row.FirstEventTime
            );
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        FluentActions
            .Invoking(() => ProcessClusters.Find(null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("events");
        FluentActions
            .Invoking(() => ProcessClusters.Find([]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("events")
            .WithMessage("Expected at least one process creation event, received 0.*");
        FluentActions
            .Invoking(() => ProcessClusters.Find(Events, rareClusterSize: 0))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("rareClusterSize")
            .WithMessage("rareClusterSize must be ≥ 1, received 0.*");
        FluentActions
            .Invoking(() => ProcessClusters.Find(Events, features: []))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("features");
        FluentActions
            .Invoking(() => ProcessClusters.Find([Events[0], null!]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("events[1] is null*");
        FluentActions
            .Invoking(() => ProcessClusters.Find(Events, new DbscanOptions { MinimumSamples = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Process_scatter_draws_the_clusters_of_the_chosen_features_with_command_lines_on_hover()
    {
        var clusters = ProcessClusters.Find(Events, new DbscanOptions { MaximumDistance = 0.001 });
        var expected = Chart.ClusterScatter(
            clusters.Matrix.Select(row => row[0]).ToList(),
            clusters.Matrix.Select(row => row[2]).ToList(),
            clusters.Labels,
            clusters.Events.Select(e => e.CommandLine).ToList(),
            "Process events by cluster"
        );
        expected.Layout.XAxis = new Axis { Title = "delimiters in the command line" };
        expected.Layout.YAxis = new Axis { Title = "log10 command-line length" };

        var figure = ClusteringCharts.ProcessScatter(clusters);
        var other = ClusteringCharts.ProcessScatter(
            clusters,
            ProcessFeature.PathLogScore,
            ProcessFeature.IsSystemSession,
            "t"
        );

        figure.ToJson().Should().Be(expected.ToJson(), "notebook 06's chart is unchanged");
        JsonElement root = FigureJsonReading.Parse(other);
        root.TraceNames().Should().Contain("noise");
        root.GetProperty("data")
            .EnumerateArray()
            .SelectMany(trace => trace.GetProperty("y").Numbers())
            .Distinct()
            .Should()
            .BeSubsetOf([0.0, 1.0]);
        FluentActions.Invoking(() => ClusteringCharts.ProcessScatter(null!)).Should().Throw<ArgumentNullException>();
    }
}
