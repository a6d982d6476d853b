using SecurityML.Data;
using SecurityML.Sentinel;
using Xunit.Abstractions;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Every KQL text the product can send (<see cref="ProductKql"/>) is checked by the official Kusto language service
/// against the real column schemas of the workspace tables; the negative controls prove the check fails on a wrong
/// column, a raw line feed in a quoted name, an unknown table and an unknown function.
/// </summary>
public sealed class KqlValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_text_the_product_can_send_has_no_diagnostics()
    {
        var (texts, validation) = ProductKql.Checked.Value;

        validation
            .Tables.Should()
            .ContainKeys("SecurityEvent", "SigninLogs", "OfficeActivity", "CommonSecurityLog", "IdentityInfo");
        validation
            .Tables.Values.Should()
            .OnlyContain(columns => columns > 50, "the reference schemas list every column");
        var checkedTexts = texts
            .Zip(validation.Results)
            .Where(pair => !pair.First.Name.StartsWith(ProductKql.ControlPrefix, StringComparison.Ordinal))
            .ToList();
        var failures = checkedTexts
            .Where(pair => pair.Second.Diagnostics.Count > 0)
            .Select(pair => $"{pair.First.Name}: {string.Join("; ", pair.Second.Diagnostics)}\n{pair.First.Kql}")
            .ToList();
        failures.Should().BeEmpty();
        checkedTexts.Select(pair => pair.First.Name).Should().OnlyHaveUniqueItems();
        foreach (var query in SentinelQueries.All)
        {
            checkedTexts
                .Count(pair => pair.First.Name.StartsWith($"query/{query.DataSet.Name}/", StringComparison.Ordinal))
                .Should()
                .Be(
                    ProductKql.Ranges().Count() * ProductKql.Filters(query).Count()
                        + ProductKql.HostileFilters(query).Count()
                )
                .And.BeGreaterThanOrEqualTo(6);
            checkedTexts
                .Count(pair => pair.First.Name.StartsWith($"export/{query.DataSet.Name}/", StringComparison.Ordinal))
                .Should()
                .BeGreaterThan(15);
        }
        checkedTexts
            .Count(pair => pair.First.Name.StartsWith("dcr/", StringComparison.Ordinal))
            .Should()
            .Be(SecurityML.Results.ResultsTables.All.Count, "every results table's transformation is checked");
        checkedTexts
            .Count(pair => pair.First.Name.StartsWith("dedup/", StringComparison.Ordinal))
            .Should()
            .Be(
                SecurityML.Results.ResultsTables.All.Count,
                "the de-duplicating query is checked on every results table"
            );
        output.WriteLine(
            $"{checkedTexts.Count} texts checked with 0 diagnostics ({texts.Count} with the controls) in one node "
                + $"call of "
                + $"{validation.Elapsed.TotalSeconds:0.0} s; reference tables "
                + $"{string.Join(", ", validation.Tables.Select(table => $"{table.Key} ({table.Value} columns)"))}."
        );
    }

    [Fact]
    public void The_check_fails_on_a_column_the_table_does_not_have()
    {
        ProductKql
            .Result(ProductKql.ControlPrefix + "UserDirectory-filter-on-UserPrincipalName")
            .Diagnostics.Should()
            .Contain(diagnostic => diagnostic.Code == "KS142" && diagnostic.Message.Contains("'UserPrincipalName'"));
    }

    [Fact]
    public void The_check_fails_on_a_raw_line_feed_in_a_quoted_name()
    {
        ProductKql
            .Result(ProductKql.ControlPrefix + "raw-line-feed-in-quoted-column")
            .Diagnostics.Should()
            .Contain(diagnostic =>
                diagnostic.Severity == "Error" && diagnostic.Start == "source\n| where ['Time".Length
            );
    }

    [Fact]
    public void The_deduplicating_query_fails_on_a_table_without_the_row_id_and_is_the_one_the_docs_give()
    {
        ProductKql
            .Result(ProductKql.ControlPrefix + "dedup-without-row-id")
            .Diagnostics.Should()
            .Contain(diagnostic => diagnostic.Code == "KS142" && diagnostic.Message.Contains("'SecmlRowId'"));
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "sentinel.md"))
            .Should()
            .Contain(LogsIngestionClient.DeduplicationKql);
    }

    [Fact]
    public void The_investigation_queries_are_checked_against_their_tables_schemas()
    {
        ProductKql.Result("query/SecurityAlerts/bounded/none").Diagnostics.Should().BeEmpty();
        ProductKql.Result("query/HuntingBookmarks/bounded/none").Diagnostics.Should().BeEmpty();
        ProductKql
            .Result(ProductKql.ControlPrefix + "SecurityAlerts-with-a-column-the-table-lacks")
            .Diagnostics.Should()
            .Contain(diagnostic => diagnostic.Code == "KS142" && diagnostic.Message.Contains("'Severity'"));
        ProductKql
            .Result(ProductKql.ControlPrefix + "SecurityAlerts-without-its-schema")
            .Diagnostics.Should()
            .Contain(
                diagnostic => diagnostic.Code == "KS204",
                "the reference schemas lack SecurityAlert, so the ad-hoc schema is what checks it"
            );
    }

    [Fact]
    public void The_check_fails_on_unknown_tables_and_functions()
    {
        ProductKql
            .Result(ProductKql.ControlPrefix + "unknown-table")
            .Diagnostics.Should()
            .Contain(diagnostic => diagnostic.Code == "KS204");
        ProductKql
            .Result(ProductKql.ControlPrefix + "unknown-function")
            .Diagnostics.Should()
            .Contain(diagnostic => diagnostic.Code == "KS211");
    }

    [Fact]
    public void A_transformation_over_an_ad_hoc_source_stream_is_checked_against_its_columns()
    {
        ProductKql.Result("helper/source-transformation").Diagnostics.Should().BeEmpty();
        ProductKql
            .Result(ProductKql.ControlPrefix + "source-transformation-unknown-column")
            .Diagnostics.Should()
            .ContainSingle(diagnostic => diagnostic.Code == "KS142" && diagnostic.Message.Contains("'Scores'"));
    }

    [Fact]
    public void The_validator_refuses_an_ad_hoc_table_with_an_unknown_type_naming_the_query_and_column()
    {
        FluentActions
            .Invoking(() =>
                KustoLanguageService.Check([KqlText.WithSource("typo", "source", new KqlColumn("Score", "reel"))])
            )
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage("*exit code 2*query 0 'typo' source.Score: unknown column type \"reel\"*");
    }

    [Fact]
    public void Drill_down_filters_with_odd_column_names_are_valid_and_unquotable_names_are_refused()
    {
        var (texts, validation) = ProductKql.Checked.Value;
        var columns = texts
            .Zip(validation.Results)
            .Where(pair => pair.First.Name.StartsWith("drilldown/column/", StringComparison.Ordinal))
            .ToList();

        columns.Should().HaveCount(ProductKql.QuotableColumns.Length);
        columns.Should().OnlyContain(pair => pair.Second.Diagnostics.Count == 0);
        FluentActions
            .Invoking(() => SecurityML.Detection.TimeSeries.AnomalyPeriods.ToKqlFilter([], "Time\nGenerated"))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("timeColumn")
            .WithMessage("*U+000A at index 4*\"Time\\nGenerated\"*");
    }

    [Fact]
    public async Task The_provider_sends_exactly_the_generated_text()
    {
        await using var server = await FakeMonitorServer.StartAsync();
        foreach (var query in SentinelQueries.All)
        {
            var provider = new LogAnalyticsQueryProvider(
                TestClients.Query(server),
                "11111111-2222-3333-4444-555555555555",
                new SentinelQueryFilter
                {
                    Accounts = query.AccountColumn is null ? [] : ["x\" or 1 == 1 //", "a\nb"],
                    Computers = query.ComputerColumn is null ? [] : ["WS-01\u2028"],
                }
            );
            await provider.QueryTableAsync(query.DataSet, ProductKql.Week);

            server.Queries.Last().Query.Should().Be(query.Build(ProductKql.Week, provider.Filter));
        }
        server.Queries.Should().HaveCount(SentinelQueries.All.Count);
    }
}
