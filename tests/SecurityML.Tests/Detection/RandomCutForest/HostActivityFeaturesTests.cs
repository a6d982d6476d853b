using SecurityML.Data;
using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>Instance-hour features from OCSF Network Activity and Process Activity, worked by hand.</summary>
public sealed class HostActivityFeaturesTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private static OcsfNetworkActivity Flow(
        string instance,
        int minute,
        string destination,
        int port,
        long bytesOut,
        int action = 1
    ) =>
        new()
        {
            ClassUid = 4001,
            CategoryUid = 4,
            ActivityId = 6,
            Time = Start.AddMinutes(minute).ToUnixTimeMilliseconds(),
            SourceEndpoint = new OcsfEndpoint { InstanceUid = instance },
            DestinationEndpoint = new OcsfEndpoint { Ip = destination, Port = port },
            Traffic = new OcsfTraffic { BytesOut = bytesOut, BytesIn = 9 },
            ActionId = action,
        };

    private static OcsfProcessActivity Launch(string instance, int minute, string name, int activity = 1) =>
        new()
        {
            ClassUid = 1007,
            CategoryUid = 1,
            ActivityId = activity,
            Time = Start.AddMinutes(minute).ToUnixTimeMilliseconds(),
            Device = new OcsfDevice { InstanceUid = instance, Hostname = instance + "-host" },
            Process = new OcsfProcess { Name = name },
        };

    [Fact]
    public void Every_instance_gets_every_hour_with_its_flows_and_launches_counted()
    {
        OcsfNetworkActivity[] flows =
        [
            Flow("i-a", 5, "10.0.0.1", 443, 99),
            Flow("i-a", 50, "10.0.0.1", 22, 900),
            Flow("i-a", 70, "10.0.0.2", 22, 0, action: 2),
            Flow("i-a", 200, "10.0.0.9", 22, 1), // outside the two-hour range
        ];
        OcsfProcessActivity[] launches =
        [
            Launch("i-b", 10, "bash"),
            Launch("i-b", 11, "bash"),
            Launch("i-b", 12, "curl"),
            Launch("i-b", 13, "curl", activity: 2),
        ];

        var rows = HostActivityFeatures.Build(flows, launches, new TimeRange(Start, Start.AddHours(2)));

        rows.Select(row => (row.InstanceUid, row.BucketStart.Hour))
            .Should()
            .Equal(("i-a", 0), ("i-a", 1), ("i-b", 0), ("i-b", 1));
        rows[0].Features.Should().Equal(Math.Log10(1000), Math.Log10(19), 2, 1, 2, 0, 0, 0, 0);
        rows[1].Features.Should().Equal(0, Math.Log10(10), 1, 1, 1, 1, 0, 0, 0);
        rows[2].Features.Should().Equal(0, 0, 0, 0, 0, 0, 3, 2, 2);
        rows[3].Features.Should().OnlyContain(value => value == 0);
        rows[2].Hostname.Should().Be("i-b-host");
        rows[0].Hostname.Should().BeEmpty("no process event named i-a's host");
        HostActivityFeatures.Names.Should().HaveCount(rows[0].Features.Length);
    }

    [Fact]
    public void An_unbounded_range_or_a_tiny_bucket_is_refused()
    {
        FluentActions
            .Invoking(() => HostActivityFeatures.Build([], [], TimeRange.All))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("range");
        FluentActions
            .Invoking(() =>
                HostActivityFeatures.Build([], [], new TimeRange(Start, Start.AddHours(1)), TimeSpan.FromSeconds(5))
            )
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("bucket");
    }
}
