using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>
/// The scoring notebook's pipeline on the bundled demo data, through the same library calls and with the defaults
/// of its parameters cell (notebooks/02-anomalous-resource-access-scoring.ipynb): train on days 1–14, score days
/// 15–30, drop the service accounts, keep scores ≥ 3, one row per pair, the top 25.
/// </summary>
public sealed class DemoDataScoringTests
{
    private const string Tenant = "Contoso";
    private const double Threshold = 3.0;
    private const int TopCount = 25;
    private static readonly DateTimeOffset TrainingStart = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TrainingEnd = new(2024, 3, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ScoringEnd = new(2024, 4, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] ExcludedAccounts =
    [
        @"CONTOSO\svc-backup",
        @"CONTOSO\svc-scan",
        @"CONTOSO\svc-monitor",
    ];

    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    private static IReadOnlyList<ScoredAccess> Flagged()
    {
        var model = FileShareAccessAnomalies.Train(
            Provider.FileShareAccess(TrainingStart, TrainingEnd),
            tenant: Tenant
        );
        var scored = FileShareAccessAnomalies.ScoreDaily(
            model,
            Provider.FileShareAccess(TrainingEnd, ScoringEnd),
            Tenant
        );
        return scored.ExceptAccounts(ExcludedAccounts).AtOrAbove(Threshold).TopPerPair().Top(TopCount);
    }

    [Fact]
    public void Every_planted_cross_department_access_is_in_the_top_25_and_the_planted_pairs_rank_first()
    {
        var planted = FileShareAccessAnomalies.NewPairsInLabelWindows(
            Provider.FileShareAccess(),
            Provider.Labels(DataSets.FileShareAccess)
        );
        var cross = planted
            .Where(pair => pair.Kind == "CrossDepartmentShareAccess")
            .Select(pair => (pair.User, pair.Resource))
            .ToList();

        var flagged = Flagged();

        cross
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    (@"CONTOSO\kevin.lund", @"\\*\Finance"),
                    (@"CONTOSO\kevin.lund", @"\\*\Finance-Reports"),
                    (@"CONTOSO\kevin.lund", @"\\*\HR-Records"),
                    (@"CONTOSO\will.ito", @"\\*\Finance-Reports"),
                    (@"CONTOSO\will.ito", @"\\*\Legal-Cases"),
                }
            );
        flagged.Select(row => (row.User, row.Resource)).Should().Contain(cross);
        planted.Should().HaveCount(15, "the sweep adds the ten shares of the other departments");
        flagged
            .Take(planted.Count)
            .Select(row => (row.User, row.Resource))
            .Should()
            .BeEquivalentTo(planted.Select(pair => (pair.User, pair.Resource)));
    }
}
