using SecurityML.Data;

namespace SecurityML.Tests.Data;

/// <summary>The demo alerts and bookmarks (sample-data/SecurityAlerts.csv, HuntingBookmarks.csv) tell the story the
/// labels of the other data sets plant: a new alert soon after each planted logon anomaly, an analyst's bookmark for
/// it, routine alerts closed, every account in the directory.</summary>
public sealed class InvestigationContextDataTests
{
    private readonly LocalDataProvider _provider = QueryProvider.Local(RepositoryPaths.SampleData);

    [Fact]
    public void Every_planted_logon_anomaly_has_a_new_alert_and_a_bookmark_for_its_account_within_its_window()
    {
        var alerts = _provider.SecurityAlerts();
        var bookmarks = _provider.HuntingBookmarks();
        var labels = _provider.Labels(DataSets.Logons);

        labels.Should().HaveCount(2);
        foreach (var label in labels)
        {
            alerts
                .Should()
                .ContainSingle(
                    alert =>
                        alert.Account == label.Entity
                        && alert.Status == "New"
                        && alert.TimeGenerated >= label.WindowStart
                        && alert.TimeGenerated < label.WindowEnd,
                    label.Kind
                );
            bookmarks
                .Should()
                .ContainSingle(
                    bookmark =>
                        bookmark.Account == label.Entity
                        && bookmark.EventTime >= label.WindowStart
                        && bookmark.EventTime < label.WindowEnd
                        && bookmark.TimeGenerated > bookmark.EventTime,
                    label.Kind
                );
        }
    }

    [Fact]
    public void Only_alerts_of_planted_anomalies_are_open_and_every_account_is_in_the_directory()
    {
        var alerts = _provider.SecurityAlerts();
        var directory = _provider
            .UserDirectory()
            .Select(entry => entry.Account)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planted = new DataSet[]
        {
            DataSets.Logons,
            DataSets.SignIns,
            DataSets.ExchangeAdmin,
            DataSets.ProcessCreation,
        }
            .SelectMany(_provider.Labels)
            .ToList();

        alerts.Should().HaveCountGreaterThan(10);
        alerts.Select(alert => alert.SystemAlertId).Should().OnlyHaveUniqueItems();
        alerts.Should().OnlyContain(alert => directory.Contains(alert.Account));
        _provider.HuntingBookmarks().Should().OnlyContain(bookmark => directory.Contains(bookmark.Account));
        alerts
            .Where(alert => alert.Status == "New")
            .Should()
            .HaveCount(6)
            .And.OnlyContain(alert =>
                planted.Any(label => alert.TimeGenerated >= label.WindowStart && alert.TimeGenerated < label.WindowEnd)
            );
        alerts
            .Where(alert => alert.Status != "New")
            .Select(alert => alert.Status)
            .Distinct()
            .Should()
            .BeSubsetOf(["Resolved", "Dismissed"]);
    }
}
