using SecurityML.Data;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

public sealed class SentinelQueriesTests
{
    public static TheoryData<string> QueryNames => new(SentinelQueries.All.Select(query => query.DataSet.Name));

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void Output_columns_are_exactly_the_record_properties(string name)
    {
        var query = SentinelQueries.All.Single(q => q.DataSet.Name == name);
        var properties = query.DataSet.RecordType.GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
        query.Columns.Should().BeEquivalentTo(properties);
        var lastShape = query
            .Build(TimeRange.All)
            .Split('\n')
            .Last(line => line.StartsWith("| project ", StringComparison.Ordinal));
        foreach (var column in query.Columns)
        {
            lastShape.Should().Contain(column);
        }
    }

    [Fact]
    public void Every_notebook_data_set_in_a_workspace_has_a_query()
    {
        DataSet[] ocsf = [DataSets.NetworkActivity, DataSets.HostNetworkActivity, DataSets.HostProcessActivity];
        foreach (var dataSet in DataSets.All.Except(ocsf))
        {
            SentinelQueries.For(dataSet).DataSet.Name.Should().Be(dataSet.Name);
        }
        foreach (var dataSet in ocsf)
        {
            FluentActions
                .Invoking(() => SentinelQueries.For(dataSet))
                .Should()
                .Throw<NotSupportedException>()
                .WithMessage("*local*");
        }
    }

    [Fact]
    public void Time_filters_are_half_open_so_adjacent_chunks_share_no_row()
    {
        var range = new TimeRange(
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero)
        );
        SentinelQueries
            .FileShareAccess.Build(range)
            .Should()
            .Be(
                "SecurityEvent\n| where TimeGenerated >= datetime(2024-01-01T00:00:00.0000000Z)\n| where "
                    + "TimeGenerated < datetime(2024-01-02T00:00:00.0000000Z)"
                    + "\n| where EventID == 5140\n| project TimeGenerated, EventID, Activity, Computer, Account, "
                    + "SubjectUserName, SubjectDomainName, "
                    + "SubjectLogonId, IpAddress, IpPort = toint(IpPort), ShareName, ShareLocalPath, AccessMask"
            );
    }

    [Fact]
    public void Logons_are_aggregated_in_the_workspace_by_date_and_account()
    {
        var text = SentinelQueries.DailyLogons.Build(TimeRange.All, new SentinelQueryFilter { Accounts = ["anna"] });
        text.Should()
            .Contain("| where TargetUserName in~ (\"anna\")")
            .And.Contain("by Date = startofday(TimeGenerated), TargetUserName");
    }

    [Fact]
    public void User_directory_filters_accounts_on_AccountUPN_before_taking_the_latest_record_per_account()
    {
        var filter = new SentinelQueryFilter { Accounts = ["anna@contoso.com", "BOB@contoso.com"] };

        var text = SentinelQueries.UserDirectory.Build(TimeRange.All, filter);

        // IdentityInfo has AccountUPN (output as UserPrincipalName). The rows are grouped by AccountUPN, so filtering
        // on it before the summarize keeps or drops whole groups: each kept account still gets its latest record of 14
        // days.
        var lines = text.Split('\n');
        lines[..4]
            .Should()
            .Equal(
                "IdentityInfo",
                "| where TimeGenerated > ago(14d)",
                "| where AccountUPN in~ (\"anna@contoso.com\", \"BOB@contoso.com\")",
                "| summarize arg_max(TimeGenerated, *) by AccountUPN"
            );
        lines[4].Should().StartWith("| project Account = ").And.Contain("UserPrincipalName = AccountUPN");
        lines.Should().HaveCount(5);
        ProductKql.Result("query/UserDirectory/bounded/accounts").Diagnostics.Should().BeEmpty();
        ProductKql.Result("query/UserDirectory/bounded/hostile-accounts").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void User_directory_looks_back_fourteen_days_whatever_range_or_export_chunk_is_asked()
    {
        var filter = new SentinelQueryFilter { Accounts = ["anna"] };
        var text = SentinelQueries.UserDirectory.Build(TimeRange.All, filter);

        SentinelQueries.UserDirectory.IsTimeFiltered.Should().BeFalse();
        foreach (var (_, range) in ProductKql.Ranges())
        {
            SentinelQueries.UserDirectory.Build(range, filter).Should().Be(text);
        }
        FluentActions
            .Invoking(() =>
                SentinelQueries.UserDirectory.Build(TimeRange.All, new SentinelQueryFilter { Computers = ["x"] })
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*UserDirectory*computers*");
    }

    [Fact]
    public void Computer_filters_on_a_data_set_without_computers_are_refused()
    {
        FluentActions
            .Invoking(() => SentinelQueries.SignIns.Build(TimeRange.All, new SentinelQueryFilter { Computers = ["x"] }))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*SignIns*computers*received 1*");
    }
}
