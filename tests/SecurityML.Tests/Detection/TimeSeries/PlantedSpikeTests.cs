using SecurityML.Data;
using SecurityML.Detection.TimeSeries;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>The demo series' planted volume spikes (sample-data/OutboundBytes.labels.csv) are found with the
/// defaults.</summary>
public sealed class PlantedSpikeTests
{
    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Fact]
    public void Every_planted_spike_hour_is_flagged_and_lies_in_an_extracted_period()
    {
        var series = TimeSeriesPoints.From(Provider.OutboundBytes(), r => r.TimeGenerated, r => r.TotalBytesSent);
        var labels = Provider.Labels(DataSets.OutboundBytes);

        var model = new StlAnomalyDetector().Fit(series);
        var periods = AnomalyPeriods.Extract(model.Rows, positiveOnly: false);

        labels.Should().HaveCount(3);
        foreach (var label in labels)
        {
            var hours = model
                .Rows.Where(r => r.TimeGenerated >= label.WindowStart && r.TimeGenerated < label.WindowEnd)
                .ToList();
            hours.Should().NotBeEmpty().And.OnlyContain(r => r.Anomalies != 0, label.Description);
            hours.Should().OnlyContain(r => periods.Any(p => p.Contains(r.TimeGenerated)));
        }
        model
            .Anomalies.Should()
            .OnlyContain(
                r => labels.Any(l => r.TimeGenerated >= l.WindowStart && r.TimeGenerated < l.WindowEnd),
                "no false alarms"
            );
    }

    [Fact]
    public void Score_ranks_the_planted_hours_above_the_rest()
    {
        var series = TimeSeriesPoints.From(Provider.OutboundBytes(), r => r.TimeGenerated, r => r.TotalBytesSent);
        var labels = Provider.Labels(DataSets.OutboundBytes);
        var scores = new StlAnomalyDetector().Fit(series).Score(series);
        var planted = series
            .Select(p => labels.Any(l => p.TimeGenerated >= l.WindowStart && p.TimeGenerated < l.WindowEnd))
            .ToArray();

        var positives = scores.Where((_, i) => planted[i]).ToArray();
        var negatives = scores.Where((_, i) => !planted[i]).ToArray();
        double auc =
            positives.Sum(p =>
                negatives.Sum(n =>
                    p > n ? 1.0
                    : p == n ? 0.5
                    : 0.0
                )
            ) / (positives.Length * (double)negatives.Length);

        auc.Should().BeGreaterThan(0.99);
    }
}
