using SecurityML.Data;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.Sequences;
using SecurityML.Detection.TimeSeries;
using SecurityML.Features.CommandLine;
using SecurityML.Features.Sessions;

namespace SecurityML.Tests.Detection;

/// <summary>
/// What the notebooks flag is exactly <c>Detect</c> with the threshold chosen at training time, and on the demo data it
/// flags what the technique's own rule flags: STL's residual rule (05), the rare-cluster rule (06), and the planted
/// sessions among the Markov model's flags (07).
/// </summary>
public sealed class NotebookDetectTests
{
    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Theory]
    [InlineData(3.0)]
    [InlineData(2.0)]
    public void Stl_detect_is_the_residual_rule_of_the_fitted_rows(double scoreThreshold)
    {
        var series = TimeSeriesPoints.From(Provider.OutboundBytes(), r => r.TimeGenerated, r => r.TotalBytesSent);

        var model = new StlAnomalyDetector(new StlAnomalyOptions { ScoreThreshold = scoreThreshold }).Fit(series);
        var flags = model.Detect(series);

        flags.Should().Equal(model.Rows.Select(row => row.Anomalies != 0));
        flags.Should().Contain(true);
        model.Card.ThresholdMethod.Should().Contain("residual z-score >");
    }

    [Fact]
    public void Dbscan_detect_with_the_rare_cluster_size_flags_the_rarest_patterns()
    {
        var features = ProcessFeatures.Compute(Provider.ProcessCreation());
        var matrix = ProcessFeatures.ToMatrix(features, ProcessFeatures.DefaultClusteringFeatures);
        var options = new DbscanOptions { MaximumDistance = 0.001, MinimumSamples = 2 };
        var clustering = Dbscan.Cluster(matrix, options);
        var summary = ClusterSummary.Summarize(
            features,
            clustering.Labels,
            f => f.Event.TimeGenerated,
            NoiseEventTimes.OwnEvent
        );

        var model = new DbscanDetector(options).Fit(matrix).WithRareClusterSize(2);

        model.Predict(matrix).Should().Equal(clustering.Labels, "training rows get their DBSCAN labels back");
        var flagged = ClusterSummary.Flagged(summary, model.Detect(matrix));
        flagged.Should().Equal(ClusterSummary.Rarest(summary, 2));
        flagged.Should().NotBeEmpty();
        new DbscanDetector(options).Fit(matrix).Card.Threshold.Should().Be(1.0 / DbscanModel.DefaultRareClusterSize);
    }

    [Fact]
    public void Markov_detect_with_the_training_threshold_flags_both_planted_sessions()
    {
        var labels = Provider.Labels(DataSets.ExchangeAdmin);

        var scored = AnomalousSessions.Score(
            Provider.ExchangeAdmin(),
            new MarkovSessionOptions { Kind = SessionModelKind.CommandsParametersAndValues },
            new SessionizeOptions
            {
                MaximumSessionDuration = TimeSpan.FromMinutes(20),
                MaximumEventSeparation = TimeSpan.FromMinutes(2),
            }
        );
        var (model, commands, ranked, flagged) = (
            scored.Model,
            scored.Commands,
            scored.Ranked,
            scored.FlaggedSessionIds
        );

        ranked.Where(row => flagged.Contains(row.SessionId)).Count(row => row.MatchesAny(labels)).Should().Be(2);
        flagged
            .Count.Should()
            .BeLessThan(commands.Count / 20, "the 99th percentile of the training scores flags few sessions");
        model.Card.ThresholdMethod.Should().StartWith("default: the 99th percentile");
    }
}
