using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Features.Logons;

/// <summary>The logon feature pipeline: filter, daily aggregation, damped z-scores, tree-count rule.</summary>
public sealed class LogonFeatureTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private static LogonEvent Logon(
        string user,
        int eventId,
        double hours,
        string computer = "FS01.contoso.local",
        string workstation = "WS-1",
        string ip = "10.0.0.1",
        string package = "Kerberos",
        int logonType = 3,
        string domain = "CONTOSO"
    ) =>
        new()
        {
            TimeGenerated = Day.AddHours(hours),
            EventID = eventId,
            Computer = computer,
            TargetUserName = user,
            TargetDomainName = domain,
            Account = domain + "\\" + user,
            LogonType = logonType,
            WorkstationName = workstation,
            IpAddress = ip,
            AuthenticationPackageName = package,
        };

    [Theory]
    [InlineData("HOST01$", "CONTOSO", false)]
    [InlineData("ANONYMOUS LOGON", "NT AUTHORITY", false)]
    [InlineData("SYSTEM", "NT AUTHORITY", false)]
    [InlineData("DWM-3", "Window Manager", false)]
    [InlineData("UMFD-0", "Font Driver Host", false)]
    [InlineData("alice", "CONTOSO", true)]
    public void Machine_anonymous_and_built_in_accounts_are_left_out(string user, string domain, bool kept)
    {
        LogonAccountFilter.IsIncluded(Logon(user, 4624, 1, domain: domain)).Should().Be(kept);
    }

    [Fact]
    public void Only_network_logons_4624_and_4625_are_kept()
    {
        LogonAccountFilter.IsIncluded(Logon("alice", 4624, 1, logonType: 2)).Should().BeFalse();
        LogonAccountFilter.IsIncluded(Logon("alice", 4634, 1)).Should().BeFalse();
        LogonAccountFilter.IsIncluded(Logon("alice", 4625, 1)).Should().BeTrue();
    }

    [Fact]
    public void A_day_is_aggregated_per_account_with_successful_variants()
    {
        LogonEvent[] logons =
        [
            Logon("alice", 4624, 8, "FS01.contoso.local", "WS-1", "10.0.0.1", "Kerberos"),
            Logon("ALICE", 4624, 9, "SQL01.corp.contoso.local", "WS-2", "10.0.0.2", "NTLM"),
            Logon("alice", 4625, 10, "DC01.contoso.local", "WS-3", "10.0.0.3", "NTLM"),
            Logon("alice", 4625, 10.5, "DC01.contoso.local", "-", "-", "NTLM"),
            Logon("bob", 4624, 30, "FS01.contoso.local"),
            Logon("HOST$", 4624, 8),
        ];

        var summaries = LogonDailyAggregation.Summarize(logons);

        summaries.Should().HaveCount(2);
        var alice = summaries[0];
        alice.Account.Should().Be(@"CONTOSO\alice");
        alice.Date.Should().Be(Day);
        (alice.AttemptedLogons, alice.SuccessfulLogons, alice.FailedLogons).Should().Be((4, 2, 2));
        (alice.ComputersAttempted, alice.ComputersSuccessfulAccess).Should().Be((3, 2));
        (alice.ComputerDomainsAttempted, alice.ComputerDomainsSuccessfulAccess).Should().Be((2, 2));
        (alice.SourceIpAddressesAttempted, alice.SourceIpAddressesSuccessfulAccess).Should().Be((3, 2));
        (alice.SourceHostNamesAttempted, alice.SourceHostNamesSuccessfulAccess).Should().Be((3, 2));
        (alice.AuthenticationPackagesAttempted, alice.AuthenticationPackagesSuccessful).Should().Be((2, 2));
        alice.ActiveMilliseconds.Should().Be(2.5 * 3600 * 1000);
        alice.ActiveMillisecondsSuccessful.Should().Be(3600 * 1000);
        summaries[1].Date.Should().Be(Day.AddDays(1), "bob's logon is at 06:00 the next UTC day");
    }

    [Theory]
    [InlineData(10, 4, 2, 0.6020599913279624)] // z = 3 → log10(4)
    [InlineData(2, 4, 2, 0)] // below the mean → 0
    [InlineData(5, 5, 0, 0.77815125038364363)] // std 0 → log10(5 + 1)
    [InlineData(0, 0, 0, 0)] // std 0, value 0 → 0
    [InlineData(9, 9, double.NaN, 1)] // one day (std undefined) → log10(9 + 1)
    public void Damped_z_score_follows_the_seed_notebook(double value, double mean, double deviation, double expected)
    {
        LogonFeatures.DampedZScore(value, mean, deviation).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void All_day_z_scores_use_the_sample_standard_deviation_of_the_account()
    {
        // Failed logons 0, 0, 6 on three days: mean 2, sample std √12; the spike day scores log10(1 + 4/√12).
        LogonDailySummary Summary(int day, int failed) =>
            new()
            {
                Date = Day.AddDays(day),
                TargetDomainName = "C",
                TargetUserName = "u",
                FailedLogons = failed,
                SuccessfulLogons = 1,
            };

        var table = LogonFeatures.Build([Summary(0, 0), Summary(1, 0), Summary(2, 6)]);

        table.Rows[2].Features[0].Should().BeApproximately(Math.Log10(1 + (4 / Math.Sqrt(12))), 1e-15);
        table.Rows[0].Features[0].Should().Be(0);
        table
            .Rows[0]
            .Features[1]
            .Should()
            .BeApproximately(Math.Log10(2), 1e-15, "successful logons never vary: log10(1 + 1)");
    }

    [Fact]
    public void Other_day_z_scores_compare_a_day_with_the_rest_only()
    {
        // Failed logons 0, 1, 2, 10: the spike against {0, 1, 2} (mean 1, std 1) has z = 9 → log10(10) = 1;
        // an account whose successes never vary scores 0.
        LogonDailySummary Summary(int day, int failed) =>
            new()
            {
                Date = Day.AddDays(day),
                TargetDomainName = "C",
                TargetUserName = "u",
                FailedLogons = failed,
                SuccessfulLogons = 3,
            };

        var table = LogonFeatures.Build(
            [Summary(0, 0), Summary(1, 1), Summary(2, 2), Summary(3, 10)],
            ZScoreBaseline.OtherDays
        );

        table.Rows[3].Features[0].Should().BeApproximately(1, 1e-15);
        table.Rows.Should().OnlyContain(row => row.Features[1] == 0);
        LogonFeatures
            .DampedZScoreAgainstOtherDays(7, 3, 0)
            .Should()
            .BeApproximately(Math.Log10(5), 1e-15, "std 0: the raw increase");
        LogonFeatures
            .DampedZScoreAgainstOtherDays(7, double.NaN, double.NaN)
            .Should()
            .BeApproximately(Math.Log10(8), 1e-15);
    }

    [Theory]
    [InlineData(6, 100, 224)]
    [InlineData(6, 499, 1022)]
    [InlineData(6, 500, 100)]
    public void Tree_count_follows_the_seed_notebook_rule(int features, int rows, int expected)
    {
        LogonAnomalyDetection.NumberOfTrees(features, rows).Should().Be(expected);
    }

    [Fact]
    public void Ranking_leaves_out_days_without_a_successful_logon()
    {
        LogonEvent[] logons = Enumerable
            .Range(0, 20)
            .SelectMany(day =>
                new[]
                {
                    Logon("alice", 4624, (day * 24) + 9),
                    Logon("bob", 4624, (day * 24) + 9),
                    Logon("carol", 4625, (day * 24) + 9),
                }
            )
            .ToArray();

        var (_, table, _, ranked) = LogonAnomalyDetection.Run(logons);

        table.Rows.Should().HaveCount(60);
        ranked.Should().HaveCount(40).And.OnlyContain(anomaly => !anomaly.Account.EndsWith("carol"));
        ranked.Select(anomaly => anomaly.Rank).Should().Equal(Enumerable.Range(1, 40));
        ranked.Select(anomaly => anomaly.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Daily_summaries_count_hand_worked_events_as_the_workspace_aggregate_did()
    {
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        LogonEvent Logon(int id, int hour, string computer, string ip) =>
            new()
            {
                EventID = id,
                LogonType = 3,
                TimeGenerated = day.AddHours(hour),
                TargetUserName = "anna",
                Computer = computer,
                IpAddress = ip,
            };
        var summaries = LogonDailyAggregation.Summarize([
            Logon(4624, 1, "A", "10.0.0.1"),
            Logon(4625, 2, "B", "10.0.0.1"),
            Logon(4625, 3, "A", "10.0.0.2"),
            Logon(4624, 25, "A", "10.0.0.1"),
            new LogonEvent
            {
                EventID = 4624,
                LogonType = 2,
                TargetUserName = "anna",
            },
        ]);
        summaries
            .Select(s =>
                (
                    s.Date,
                    s.TargetUserName,
                    s.SuccessfulLogons,
                    s.FailedLogons,
                    s.ComputersAttempted,
                    s.SourceIpAddressesAttempted,
                    s.FirstLogon,
                    s.LastLogon
                )
            )
            .Should()
            .Equal(
                (day, "anna", 1, 2, 2, 2, day.AddHours(1), day.AddHours(3)),
                (day.AddDays(1), "anna", 1, 0, 1, 1, day.AddHours(25), day.AddHours(25))
            );
        summaries
            .Select(s =>
                (
                    s.AttemptedLogons,
                    s.ComputersSuccessfulAccess,
                    s.SourceIpAddressesSuccessfulAccess,
                    s.FirstSuccessfulLogon,
                    s.ActiveMilliseconds
                )
            )
            .Should()
            .Equal(
                (3, 1, 1, (DateTimeOffset?)day.AddHours(1), 2 * 3_600_000.0),
                (1, 1, 1, (DateTimeOffset?)day.AddHours(25), 0.0)
            );
    }
}
