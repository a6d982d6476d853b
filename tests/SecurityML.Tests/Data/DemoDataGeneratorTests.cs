using SecurityML.Data;
using SecurityML.Features;

namespace SecurityML.Tests.Data;

/// <summary>Generates the default demo data once into a temporary folder for the tests of this class.</summary>
public sealed class DefaultDemoData : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public DefaultDemoData()
    {
        Files = DemoDataGenerator.Generate(_folder.Path);
    }

    public string Folder => _folder.Path;

    public IReadOnlyList<GeneratedFile> Files { get; }

    public void Dispose() => _folder.Dispose();
}

public sealed class DemoDataGeneratorTests(DefaultDemoData generated) : IClassFixture<DefaultDemoData>
{
    private static readonly string SampleData = RepositoryPaths.SampleData;
    private readonly LocalDataProvider _provider = QueryProvider.Local(SampleData);

    [Fact]
    public void Regenerating_the_defaults_reproduces_the_committed_sample_data_byte_for_byte()
    {
        var committed = Directory
            .GetFiles(SampleData)
            .Select(Path.GetFileName)
            .Where(name => name != "README.md")
            .Order()
            .ToList();

        generated.Files.Select(file => file.FileName).Order().Should().Equal(committed);
        foreach (var name in committed)
        {
            File.ReadAllBytes(Path.Combine(generated.Folder, name!))
                .SequenceEqual(File.ReadAllBytes(Path.Combine(SampleData, name!)))
                .Should()
                .BeTrue(
                    $"{name} must be identical to the committed copy (regenerate with `secml demo-data --output "
                        + $"sample-data`)"
                );
        }
    }

    [Fact]
    public void Sample_data_is_small()
    {
        generated.Files.Sum(file => file.Bytes).Should().BeLessThan(10 * 1024 * 1024);
    }

    [Fact]
    public void Every_data_set_loads_strictly_with_the_row_counts_written()
    {
        foreach (var dataSet in DataSets.All.Concat(DataSets.Investigation))
        {
            var written = generated.Files.Single(file => file.FileName == dataSet.FileName).RowCount;
            CountRows(dataSet).Should().Be(written, dataSet.Name);
        }
    }

    private long CountRows(DataSet dataSet) =>
        dataSet switch
        {
            DataSet<LogonEvent> logons => _provider.Query(logons, TimeRange.All).LongCount(),
            DataSet<FileShareAccessEvent> shares => _provider.Query(shares, TimeRange.All).LongCount(),
            DataSet<UserDirectoryEntry> users => _provider.Query(users, TimeRange.All).LongCount(),
            DataSet<HourlyOutboundBytes> bytes => _provider.Query(bytes, TimeRange.All).LongCount(),
            DataSet<ProcessCreationEvent> processes => _provider.Query(processes, TimeRange.All).LongCount(),
            DataSet<OfficeActivityEvent> exchange => _provider.Query(exchange, TimeRange.All).LongCount(),
            DataSet<SignInEvent> signIns => _provider.Query(signIns, TimeRange.All).LongCount(),
            DataSet<OcsfNetworkActivity> flows => _provider.Query(flows, TimeRange.All).LongCount(),
            DataSet<SecurityAlert> alerts => _provider.Query(alerts, TimeRange.All).LongCount(),
            DataSet<HuntingBookmark> bookmarks => _provider.Query(bookmarks, TimeRange.All).LongCount(),
            DataSet<OcsfProcessActivity> processes => _provider.Query(processes, TimeRange.All).LongCount(),
            _ => throw new InvalidOperationException(dataSet.Name),
        };

    [Fact]
    public void Every_label_points_at_rows_of_its_entity_inside_its_window()
    {
        CheckLabels(DataSets.Logons, row => row.Account, row => row.TimeGenerated);
        CheckLabels(DataSets.FileShareAccess, row => row.Account, row => row.TimeGenerated);
        CheckLabels(DataSets.OutboundBytes, _ => "network", row => row.TimeGenerated);
        CheckLabels(DataSets.ProcessCreation, row => row.Computer, row => row.TimeGenerated);
        CheckLabels(DataSets.ExchangeAdmin, row => row.UserId, row => row.TimeGenerated);
        CheckLabels(DataSets.SignIns, row => row.UserPrincipalName, row => row.TimeGenerated);
        CheckLabels(DataSets.NetworkActivity, row => row.Actor!.User!.Name!, row => row.TimeUtc);
        CheckLabels(DataSets.HostNetworkActivity, row => row.SourceEndpoint.InstanceUid!, row => row.TimeUtc);
        CheckLabels(DataSets.HostProcessActivity, row => row.Device.InstanceUid!, row => row.TimeUtc);
    }

    private void CheckLabels<T>(DataSet<T> dataSet, Func<T, string> entityOf, Func<T, DateTimeOffset> timeOf)
        where T : class
    {
        var labels = _provider.Labels(dataSet);
        labels.Should().NotBeEmpty(dataSet.Name);
        foreach (var label in labels)
        {
            var window = new TimeRange(label.WindowStart, label.WindowEnd);
            _provider
                .Query(dataSet, window)
                .Count(row => entityOf(row) == label.Entity && window.Contains(timeOf(row)))
                .Should()
                .BePositive($"{dataSet.Name} label {label.Kind} for {label.Entity}");
        }
    }

    [Fact]
    public void Planted_logon_anomalies_stand_out()
    {
        var labels = _provider.Labels(DataSets.Logons);
        var burst = labels.Single(label => label.Kind == "FailedLogonBurst");
        var failures = _provider
            .Logons(burst.WindowStart, burst.WindowEnd)
            .Where(row => row.EventID == 4625 && row.Account == burst.Entity)
            .ToList();
        failures.Select(row => row.WorkstationName).Distinct().Should().HaveCount(25);

        var many = labels.Single(label => label.Kind == "ManyComputers");
        var perDay = _provider
            .Logons()
            .Where(row => !row.TargetUserName.StartsWith("svc-", StringComparison.Ordinal))
            .SummarizeByEntityAndDay(row => row.Account, row => row.TimeGenerated, row => row.Computer);
        var top = perDay.MaxBy(day => day.DistinctCount)!;
        top.Entity.Should().Be(many.Entity);
        top.DistinctCount.Should().BeGreaterThanOrEqualTo(30);
        perDay.Where(day => day != top).Max(day => day.DistinctCount).Should().BeLessThan(10);
    }

    [Fact]
    public void Default_data_has_no_markup_and_uses_the_system_logon_session()
    {
        foreach (
            var path in Directory.GetFiles(SampleData).Where(path => !path.EndsWith(".md", StringComparison.Ordinal))
        )
        {
            File.ReadAllText(path).Should().NotContainAny(["<", ">"], Path.GetFileName(path));
        }
        _provider.ProcessCreation().Should().Contain(row => row.SubjectLogonId == "0x3e7");
    }

    [Fact]
    public void Out_of_range_options_are_rejected_with_the_range()
    {
        var act = () => DemoDataGenerator.Generate(Path.GetTempPath(), new DemoDataOptions { Scale = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Scale").WithMessage("*1 to 1000*");
    }
}
