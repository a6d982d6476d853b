using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>On the bundled demo data, the planted logon anomalies (sample-data/Logons.labels.csv) are the top
/// outliers, with the library calls the logon-anomaly notebooks make.</summary>
public sealed class LogonDemoDataTests
{
    private static readonly QueryProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Fact]
    public void Planted_logon_anomalies_are_the_top_outliers()
    {
        var labels = Provider.Labels(DataSets.Logons);
        var logons = Provider.Logons();

        var summaries = LogonDailyAggregation.Summarize(logons);
        var table = LogonFeatures.Build(summaries, ZScoreBaseline.OtherDays);
        var model = LogonAnomalyDetection.CreateDetector(table, contamination: 0.01).Fit(table.Vectors);
        var ranked = LogonAnomalyDetection.Rank(table, model);

        // Both planted account-days are flagged and within the top labels + 1: an ordinary user's
        // day with a mistyped password and more servers than usual (three moderately high features) isolates about
        // as fast as svc-sql's burst, which is extreme in one feature only (with 500 trees it ranks 3rd).
        var top = ranked.Take(labels.Count + 1).ToList();
        ranked[0]
            .Should()
            .Match<LogonAnomaly>(first => labels.Any(label => IsLabelled(first, label)), "the top outlier is planted");
        foreach (AnomalyLabel label in labels)
        {
            top.Should()
                .Contain(
                    anomaly => IsLabelled(anomaly, label) && anomaly.IsOutlier,
                    $"{label.Kind} of {label.Entity} on {label.WindowStart:yyyy-MM-dd} is planted"
                );
        }
    }

    [Fact]
    public void With_the_seed_notebooks_all_day_baseline_a_spike_against_the_own_history_is_muted()
    {
        // The reference semantics: z-scores over all days include the day itself, so one spike among n days reaches
        // at most z = (n − 1)/√n; vera.meyer's 30 computers score log10(1 + z) ≤ 0.7, like ordinary days.
        var table = LogonFeatures.Build(LogonDailyAggregation.Summarize(Provider.Logons()), ZScoreBaseline.AllDays);
        var vera = table.Rows.Single(row => row.Account == @"CONTOSO\vera.meyer" && row.Date.Day == 20);
        int days = table.Rows.Count(row => row.Account == @"CONTOSO\vera.meyer");

        vera.Features[2].Should().BeLessThanOrEqualTo(Math.Log10(1 + ((days - 1) / Math.Sqrt(days))) + 1e-12);
    }

    private static bool IsLabelled(LogonAnomaly anomaly, AnomalyLabel label) =>
        string.Equals(anomaly.Account, label.Entity, StringComparison.OrdinalIgnoreCase)
        && anomaly.Date <= label.WindowStart
        && anomaly.Date.AddDays(1) > label.WindowStart;
}
