using System.Text.Json;
using SecurityML.Data;
using SecurityML.Runner.Commands;

namespace SecurityML.Tests.Data;

/// <summary><c>secml demo-data --security-lake</c> writes the OCSF demo data in Security Lake's layout; the local
/// provider reads it back as the records of the committed JSON Lines file.</summary>
public sealed class SecurityLakeDemoDataTests
{
    [Fact]
    public void Security_lake_demo_data_gives_the_json_lines_records_field_by_field()
    {
        using var folder = new TemporaryFolder();
        var output = new StringWriter();

        var exitCode = DemoDataCommand.Run(
            1,
            DemoDataOptions.DefaultSeed,
            new(folder.Path),
            output,
            TextWriter.Null,
            true
        );

        exitCode.Should().Be(0);
        output.ToString().Should().Contain("NetworkActivity/");
        File.Exists(folder.File(DataSets.NetworkActivity.FileName)).Should().BeFalse();
        var days = Directory.GetDirectories(folder["NetworkActivity/region=us-east-1/accountId=123456789012"]);
        days.Should().HaveCount(30).And.Contain(d => d.EndsWith("eventDay=20240304", StringComparison.Ordinal));
        // Security Lake orders by day (partition), the JSON Lines file appends its planted anomalies: compare in time
        // order.
        var fromJson = InTimeOrder(QueryProvider.Local(RepositoryPaths.SampleData).NetworkActivity());
        var fromParquet = InTimeOrder(QueryProvider.Local(folder.Path).NetworkActivity());
        fromParquet.Should().HaveCount(fromJson.Count).And.HaveCountGreaterThan(1000);
        for (var i = 0; i < fromJson.Count; i++)
        {
            JsonSerializer.Serialize(fromParquet[i]).Should().Be(JsonSerializer.Serialize(fromJson[i]));
            fromParquet[i].Should().Be(fromJson[i], "row {0} of the JSON Lines file", i + 1);
            fromParquet[i].SourceEndpoint.Should().Be(fromJson[i].SourceEndpoint);
            fromParquet[i].DestinationEndpoint.Should().Be(fromJson[i].DestinationEndpoint);
            fromParquet[i].Actor!.User.Should().Be(fromJson[i].Actor!.User);
            fromParquet[i].Metadata!.Product.Should().Be(fromJson[i].Metadata!.Product);
        }
        var week = TimeRange.Days(DemoDataOptions.DefaultStart, 7);
        InTimeOrder(QueryProvider.Local(folder.Path).Query(DataSets.NetworkActivity, week).ToList())
            .Should()
            .Equal(fromJson.Where(row => week.Contains(row.TimeUtc)));
    }

    private static List<OcsfNetworkActivity> InTimeOrder(IEnumerable<OcsfNetworkActivity> rows) =>
        rows.OrderBy(row => row.Time).ThenBy(row => JsonSerializer.Serialize(row), StringComparer.Ordinal).ToList();

    [Fact]
    public void A_folder_holding_both_forms_is_an_error_naming_both()
    {
        using var folder = new TemporaryFolder();
        File.Copy(
            Path.Combine(RepositoryPaths.SampleData, DataSets.NetworkActivity.FileName),
            folder.File(DataSets.NetworkActivity.FileName)
        );
        var records = QueryProvider.Local(folder.Path).NetworkActivity();
        SecurityLakeParquet.WriteNetworkActivity(folder["NetworkActivity"], records);

        var act = () => QueryProvider.Local(folder.Path).NetworkActivity();

        act.Should()
            .Throw<DataFormatException>()
            .WithMessage("*NetworkActivity.ocsf.jsonl*NetworkActivity*expected one of them*");
    }
}
