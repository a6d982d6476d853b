using SecurityML.Charts;
using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Display;
using SecurityML.Features.Logons;
using SecurityML.Tests.Charts;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>The guided investigation's account summary: on the demo data against the raw files, on a hand-worked toy
/// case, with empty sections, hostile text and bad arguments.</summary>
public sealed class AccountSummaryTests
{
    private const string Anna = "CONTOSO\\anna";
    private static readonly DateTimeOffset Day1 = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Week = TimeRange.Days(Day1, 7);

    [Fact]
    public void On_the_demo_data_the_lateral_movement_account_shows_its_directory_record_alert_bookmark_and_every_host()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        var logons = provider.Logons();
        var daily = LogonDailyAggregation.Summarize(logons.Where(LogonAccountFilter.IsIncluded));
        var label = provider.Labels(DataSets.Logons).Single(l => l.Kind == "ManyComputers");
        var window = new TimeRange(Day1, Day1.AddDays(21));

        var summary = AccountSummary.Query(provider, label.Entity, window, logons, daily);

        var directory = RawRows("UserDirectory.csv").Single(row => row[0] == label.Entity);
        summary.DirectoryEntry!.DisplayName.Should().Be(directory[2]);
        (summary.DirectoryEntry.Department, summary.DirectoryEntry.Title, summary.DirectoryEntry.Manager)
            .Should()
            .Be((directory[3], directory[4], directory[5]));
        summary
            .Alerts.Select(alert => alert.SystemAlertId)
            .Should()
            .Equal(RawRows("SecurityAlerts.csv").Where(row => row[^1] == label.Entity).Select(row => row[1]));
        summary
            .Alerts.Should()
            .ContainSingle(alert =>
                alert.Status == "New"
                && alert.TimeGenerated >= label.WindowStart
                && alert.TimeGenerated < label.WindowEnd
            );
        summary
            .Bookmarks.Select(bookmark => bookmark.BookmarkId)
            .Should()
            .Equal(RawRows("HuntingBookmarks.csv").Where(row => row[^1] == label.Entity).Select(row => row[1]));
        var raw = RawRows("Logons.csv").Where(row => row[4] == label.Entity && row[9] == "3").ToList();
        summary.Hosts.Select(host => host.Computer).Should().BeEquivalentTo(raw.Select(row => row[3]).Distinct());
        summary.Hosts.Sum(host => host.SuccessfulLogons).Should().Be(raw.Count(row => row[1] == "4624"));
        summary.Hosts.Sum(host => host.FailedLogons).Should().Be(raw.Count(row => row[1] == "4625"));
        summary
            .Hosts.Count(host => host.FirstSeen >= label.WindowStart && host.FirstSeen < label.WindowEnd)
            .Should()
            .BeGreaterThanOrEqualTo(25, "the planted afternoon reaches new computers");
        summary.Peers.Department.Should().Be(directory[3]);
        summary
            .Peers.PeerAccounts.Should()
            .HaveCount(RawRows("UserDirectory.csv").Count(row => row[3] == directory[3] && row[6] == "Human") - 1);
        summary
            .Peers.AccountComputersPerDayMaximum.Should()
            .BeGreaterThanOrEqualTo(30)
            .And.BeGreaterThan(3 * summary.Peers.PeerComputersPerDayMaximum);
        summary
            .Rows.Select(row => row.Section)
            .Distinct()
            .Should()
            .Equal("Directory", "Logons", "Alert", "Bookmark", "Host", "Peers");
    }

    [Fact]
    public void A_hand_worked_case_matches_accounts_in_every_form_keeps_the_window_and_compares_with_peers()
    {
        LogonEvent[] logons =
        [
            Logon(Day1.AddHours(9), 4624, "FS01", "WS-1"),
            Logon(Day1.AddHours(10), 4625, "FS01", "WS-1"),
            Logon(Day1.AddHours(11), 4624, "DC01", "-", ip: "10.0.0.5"),
            Logon(Day1.AddDays(8), 4624, "SQL01", "WS-1"),
        ];
        UserDirectoryEntry[] directory =
        [
            Entry(Anna, "Finance", "Human"),
            Entry("CONTOSO\\bob", "Finance", "Human"),
            Entry("CONTOSO\\cleo", "Finance", "Human"),
            Entry("CONTOSO\\svc-x", "Finance", "Service"),
            Entry("CONTOSO\\dan", "HR", "Human"),
        ];
        LogonDailySummary[] daily =
        [
            Daily(Anna, 0, 2, 1),
            Daily("CONTOSO\\bob", 0, 1, 0),
            Daily("CONTOSO\\bob", 1, 2, 0),
            Daily("CONTOSO\\cleo", 0, 3, 1),
            Daily("CONTOSO\\cleo", 2, 10, 5),
            Daily("CONTOSO\\dan", 0, 40, 9),
            Daily("CONTOSO\\svc-x", 0, 50, 9),
            Daily("CONTOSO\\bob", 9, 99, 9),
        ];
        SecurityAlert[] alerts =
        [
            Alert(Day1.AddHours(12), "anna@contoso.com", "by mail address"),
            Alert(Day1.AddHours(8), "ANNA", "by bare name"),
            Alert(Day1.AddHours(9), Anna, "by account"),
            Alert(Day1.AddHours(9), "OTHER\\anna", "other domain"),
            Alert(Day1.AddDays(7), Anna, "at the window's end"),
        ];
        HuntingBookmark[] bookmarks =
        [
            new()
            {
                TimeGenerated = Day1.AddDays(9),
                EventTime = Day1.AddDays(6),
                BookmarkName = "event in the window",
                Account = Anna,
            },
            new()
            {
                TimeGenerated = Day1.AddDays(-1),
                EventTime = Day1.AddDays(-2),
                BookmarkName = "before",
                Account = Anna,
            },
        ];

        var summary = AccountSummary.Summarize("contoso\\ANNA", Week, logons, daily, directory, alerts, bookmarks);

        summary.Alerts.Select(alert => alert.AlertName).Should().Equal("by bare name", "by account", "by mail address");
        summary.Bookmarks.Select(bookmark => bookmark.BookmarkName).Should().Equal("event in the window");
        summary
            .Hosts.Should()
            .BeEquivalentTo(
                new[]
                {
                    new AccountHostLogons
                    {
                        Computer = "FS01",
                        SuccessfulLogons = 1,
                        FailedLogons = 1,
                        LogonTypes = "3",
                        Sources = "WS-1",
                        FirstSeen = Day1.AddHours(9),
                        LastSeen = Day1.AddHours(10),
                    },
                    new AccountHostLogons
                    {
                        Computer = "DC01",
                        SuccessfulLogons = 1,
                        FailedLogons = 0,
                        LogonTypes = "3",
                        Sources = "10.0.0.5",
                        FirstSeen = Day1.AddHours(11),
                        LastSeen = Day1.AddHours(11),
                    },
                },
                options => options.WithStrictOrdering()
            );
        (summary.FirstSeen, summary.LastSeen).Should().Be((Day1.AddHours(9), Day1.AddHours(11)));
        summary.Peers.PeerAccounts.Should().Equal("CONTOSO\\bob", "CONTOSO\\cleo");
        summary.Peers.PeerDays.Should().Be(4, "bob's day 9 is outside the window");
        (summary.Peers.PeerComputersPerDayMedian, summary.Peers.PeerComputersPerDayMaximum).Should().Be((2.5, 10));
        (summary.Peers.PeerFailedLogonsPerDayMedian, summary.Peers.PeerFailedLogonsPerDayMaximum).Should().Be((0.5, 5));
        (summary.Peers.AccountComputersPerDayMaximum, summary.Peers.AccountFailedLogonsPerDayMaximum)
            .Should()
            .Be((2, 1));
        summary
            .Rows.Single(row => row.Section == "Logons")
            .Detail.Should()
            .Be(
                "2024-03-04 09:00Z to 2024-03-04 11:00Z: 2 successful and 1 failed logons on 2 computers, logon type 3"
            );
        summary
            .Rows.Single(row => row.Section == "Peers")
            .Detail.Should()
            .StartWith("computers per day: peers' median 2.5, maximum 10, this account's maximum 2;");
    }

    [Fact]
    public void Empty_sections_say_so_instead_of_disappearing()
    {
        var summary = AccountSummary.Summarize(
            "CONTOSO\\ghost",
            Week,
            [],
            [],
            [Entry(Anna, "Finance", "Human")],
            [],
            []
        );

        summary.DirectoryEntry.Should().BeNull();
        summary
            .Rows.Select(row => (row.Section, row.Detail))
            .Should()
            .Equal(
                ("Directory", "CONTOSO\\ghost is not in the user directory"),
                ("Logons", "no network logons in the window"),
                ("Alert", "no alerts for this account in the window"),
                ("Bookmark", "no hunting bookmarks for this account in the window"),
                ("Peers", "no peer account-days with logons in the window to compare with")
            );
    }

    [Fact]
    public void A_folder_without_alerts_and_bookmarks_says_not_available_naming_the_missing_file()
    {
        using var folder = new TemporaryFolder();
        File.Copy(
            Path.Combine(RepositoryPaths.SampleData, "UserDirectory.csv"),
            Path.Combine(folder.Path, "UserDirectory.csv")
        );

        var summary = AccountSummary.Query(QueryProvider.Local(folder.Path), "CONTOSO\\vera.meyer", Week, [], []);

        summary.DirectoryEntry!.Department.Should().Be("Finance");
        summary.Unavailable.Keys.Should().BeEquivalentTo("Alert", "Bookmark");
        summary
            .Rows.Where(row => row.Item == "not available")
            .Select(row => (row.Section, row.Detail))
            .Should()
            .SatisfyRespectively(
                alert =>
                    (alert.Section, alert.Detail)
                        .Should()
                        .Match<(string, string)>(pair =>
                            pair.Item1 == "Alert" && pair.Item2.Contains("SecurityAlerts.csv")
                        ),
                bookmark =>
                    (bookmark.Section, bookmark.Detail)
                        .Should()
                        .Match<(string, string)>(pair =>
                            pair.Item1 == "Bookmark" && pair.Item2.Contains("HuntingBookmarks.csv")
                        )
            );
        File.WriteAllText(Path.Combine(folder.Path, "SecurityAlerts.csv"), "TimeGenerated,AlertName\nnot-a-time,x\n");
        FluentActions
            .Invoking(() => AccountSummary.Query(QueryProvider.Local(folder.Path), "CONTOSO\\vera.meyer", Week, [], []))
            .Should()
            .Throw<DataFormatException>("a malformed file is an error, not a missing source");
    }

    [Fact]
    public void Text_from_alerts_and_bookmarks_is_encoded_once_in_the_table_and_the_chart()
    {
        var hostile = "<img src=x onerror=alert(1)> &amp;";
        var summary = AccountSummary.Summarize(
            Anna,
            Week,
            [Logon(Day1.AddHours(9), 4624, "FS01", "WS-1")],
            [Daily(Anna, 0, 1, 0)],
            [Entry(Anna, "Finance", "Human")],
            [Alert(Day1.AddHours(9), Anna, hostile)],
            [
                new HuntingBookmark
                {
                    TimeGenerated = Day1,
                    EventTime = Day1,
                    BookmarkName = "b",
                    Notes = hostile,
                    Account = Anna,
                },
            ]
        );

        var html = summary.Rows.ToTable(maxTextLength: 400).ToHtml();
        html.Should().NotContain("<img").And.Contain("&lt;img src=x onerror=alert(1)&gt; &amp;amp;");
        var json = FigureJson.Serialize(IsolationForestCharts.AccountSummary(summary, [Daily(Anna, 0, 1, 0)]));
        json.Should().NotContain("<img");
    }

    [Fact]
    public void The_chart_marks_alerts_and_bookmarks_on_the_accounts_line()
    {
        var alerts = new[] { Alert(Day1.AddDays(2).AddHours(15), Anna, "late alert") };
        var daily = new[]
        {
            Daily(Anna, 0, 2, 0),
            Daily(Anna, 2, 7, 0),
            Daily("CONTOSO\\bob", 0, 1, 0),
            Daily("CONTOSO\\bob", 2, 3, 0),
        };
        var summary = AccountSummary.Summarize(
            Anna,
            Week,
            [],
            daily,
            [Entry(Anna, "Finance", "Human"), Entry("CONTOSO\\bob", "Finance", "Human")],
            alerts,
            []
        );

        var root = FigureJsonReading.Parse(IsolationForestCharts.AccountSummary(summary, daily));

        root.TraceNames().Should().Equal(Anna, "peers' median", "peers' maximum", "alert", "bookmark");
        root.Trace(0).GetProperty("y").EnumerateArray().Select(y => y.GetDouble()).Should().Equal(2, 7);
        root.Trace(3).GetProperty("y").EnumerateArray().Select(y => y.GetDouble()).Should().Equal(7);
        root.Trace(3).GetProperty("hovertext")[0].GetString().Should().Be("High: late alert");
    }

    [Fact]
    public void An_empty_account_is_refused_with_its_parameter_name()
    {
        FluentActions
            .Invoking(() => AccountSummary.Summarize(" ", Week, [], [], [], [], []))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("account");
    }

    private static List<string[]> RawRows(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.SampleData, file)).Skip(1).Select(SplitCsv).ToList();

    /// <summary>RFC 4180 fields of one line (quoted fields with commas and doubled quotes), written here independently
    /// of the library's reader.</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var index = 0; index < line.Length; index++)
        {
            var c = line[index];
            if (quoted && c == '"' && index + 1 < line.Length && line[index + 1] == '"')
            {
                field.Append('"');
                index++;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private static LogonEvent Logon(
        DateTimeOffset time,
        int eventId,
        string computer,
        string source,
        string ip = "10.0.0.1"
    ) =>
        new()
        {
            TimeGenerated = time,
            EventID = eventId,
            Computer = computer,
            Account = Anna,
            TargetUserName = "anna",
            TargetDomainName = "CONTOSO",
            LogonType = 3,
            WorkstationName = source,
            IpAddress = ip,
            AccountType = "User",
        };

    private static UserDirectoryEntry Entry(string account, string department, string kind) =>
        new()
        {
            Account = account,
            UserPrincipalName = account.Split('\\')[1] + "@contoso.com",
            DisplayName = account,
            Department = department,
            Title = "Clerk",
            AccountKind = kind,
        };

    private static LogonDailySummary Daily(string account, int day, int computers, int failures) =>
        new()
        {
            Date = Day1.AddDays(day),
            TargetDomainName = account.Split('\\')[0],
            TargetUserName = account.Split('\\')[1],
            ComputersSuccessfulAccess = computers,
            FailedLogons = failures,
        };

    private static SecurityAlert Alert(DateTimeOffset time, string account, string name) =>
        new()
        {
            TimeGenerated = time,
            SystemAlertId = Guid.NewGuid().ToString("D"),
            AlertName = name,
            AlertSeverity = "High",
            Status = "New",
            Account = account,
        };
}
