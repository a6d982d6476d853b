using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Results;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>The filters between scoring and alerting, the enrichment and the results row.</summary>
public sealed class ScoredAccessPipelineTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 18, 0, 0, 0, TimeSpan.Zero);

    private static ScoredAccess Row(string user, string resource, double score, int day = 0, int hour = 9) =>
        new(
            "t",
            user,
            resource,
            DateOnly.FromDateTime(Day.AddDays(day).UtcDateTime),
            Day.AddDays(day).AddHours(hour),
            2,
            score,
            double.IsNaN(score) ? AccessScoreStatus.UnknownUser : AccessScoreStatus.Scored
        );

    [Fact]
    public void Filters_drop_accounts_keep_scores_at_the_threshold_one_row_per_pair_and_the_top_N()
    {
        ScoredAccess[] rows =
        [
            Row(@"CONTOSO\svc-backup", "A", 50),
            Row(@"contoso\SVC-SCAN", "A", 40),
            Row(@"CONTOSO\ann", "A", 3.0, day: 1),
            Row(@"CONTOSO\ann", "A", 3.0, day: 0, hour: 15),
            Row(@"CONTOSO\ann", "B", double.PositiveInfinity),
            Row(@"CONTOSO\bob", "A", 2.0),
            Row(@"CONTOSO\bob", "C", 1.999),
            Row(@"CONTOSO\cid", "A", double.NaN),
            Row(@"CONTOSO\cid", "B", 2.5, day: 2),
        ];

        var flagged = rows.ExceptAccounts(["svc-backup", @"CONTOSO\svc-scan", " "]).AtOrAbove(2.0).TopPerPair().Top(3);

        flagged.Should().Equal(rows[4], rows[3], rows[8]);
        rows.Unscored().Should().Equal(rows[7]);
        rows.AtOrAbove(2.0).TopPerPair().Top(10).Should().HaveCount(6);
    }

    [Fact]
    public void Enrichment_gives_department_peers_peer_share_and_blast_radius()
    {
        UserDirectoryEntry[] directory =
        [
            new()
            {
                Account = @"CONTOSO\ann",
                Department = "Sales",
                PrivilegedGroups = "Domain Admins;Backup Operators",
            },
            new() { Account = @"CONTOSO\bob", Department = "Sales" },
            new() { Account = @"CONTOSO\cid", Department = "Sales" },
            new() { Account = @"CONTOSO\dan", Department = "Sales" },
            new() { Account = @"CONTOSO\eve", Department = "Finance" },
        ];
        (string, string)[] accesses =
        [
            (@"CONTOSO\ann", "Sales"),
            (@"CONTOSO\ann", "Public"),
            (@"CONTOSO\ann", "Finance"),
            (@"CONTOSO\ann", "Sales"),
            (@"contoso\BOB", "Finance"),
            (@"CONTOSO\cid", "Sales"),
            (@"CONTOSO\eve", "Finance"),
        ];
        var enrichment = new AccessEnrichment(directory, accesses);

        var results = enrichment.Enrich([
            Row(@"CONTOSO\ann", "Finance", 4.5),
            Row(@"CONTOSO\zed", "Finance", double.PositiveInfinity),
        ]);

        results[0]
            .Should()
            .BeEquivalentTo(
                new AnomalousResourceAccessResult
                {
                    TimeGenerated = Day.AddHours(9),
                    User = @"CONTOSO\ann",
                    Resource = "Finance",
                    AnomalyScore = 4.5,
                    Tenant = "t",
                    Accesses = 2,
                    Department = "Sales",
                    PeerCount = 3,
                    PeerAccessShare = 1 / 3.0,
                    ResourcesReached = 3,
                    PrivilegedGroupCount = 2,
                    PrivilegedGroups = "Domain Admins;Backup Operators",
                }
            );
        results[1]
            .Should()
            .BeEquivalentTo(
                new AnomalousResourceAccessResult
                {
                    TimeGenerated = Day.AddHours(9),
                    User = @"CONTOSO\zed",
                    Resource = "Finance",
                    AnomalyScore = double.PositiveInfinity,
                    Tenant = "t",
                    Accesses = 2,
                    PeerAccessShare = null,
                }
            );
    }

    [Fact]
    public async Task Results_are_written_with_ISO_8601_UTC_time_and_infinite_scores()
    {
        using var folder = new TemporaryFolder();
        var row = new AnomalousResourceAccessResult
        {
            TimeGenerated = new DateTimeOffset(2024, 3, 21, 12, 4, 12, 500, TimeSpan.FromHours(2)),
            User = @"CONTOSO\ann",
            Resource = @"\\*\Finance",
            AnomalyScore = double.PositiveInfinity,
        };

        var summary = await new LocalResultsSink(folder.Path).WriteAsync(
            AnomalousResourceAccessResult.TableName,
            [row]
        );

        summary.Destination.Should().EndWith("AnomalousResourceAccessResult_CL.jsonl");
        var line = File.ReadAllText(summary.Destination);
        line.Should()
            .StartWith(
                "{\"TimeGenerated\":\"2024-03-21T10:04:12.5Z\",\"User\":\"CONTOSO\\\\ann\","
                    + "\"Resource\":\"\\\\\\\\*\\\\Finance\",\"AnomalyScore\":\"Infinity\""
            );
        JsonLinesDataFile
            .Read<AnomalousResourceAccessResult>(summary.Destination)
            .Single()
            .Should()
            .Be(row with { TimeGenerated = row.TimeGenerated.ToUniversalTime() });
    }
}
