using System.Globalization;
using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates Amazon Security Lake–style host and network activity of a small AWS account for 10 days: OCSF Network
/// Activity (class 4001, activity 6 traffic) as hourly VPC flow log records of each instance's outbound connections,
/// and OCSF Process Activity (class 1007, launches) from a host sensor. Web and app instances follow a daily and weekly
/// load, the database backs up to S3 at 02:00, the bastion and the build server work in office hours. Planted: a port
/// scan, a reverse shell, a crypto miner, a database exfiltration and a credential theft (see
/// <see cref="HostActivityAnomalies"/>), each one hour of one instance in both files.
/// </summary>
internal sealed class HostActivityGenerator
{
    public const int Days = 10;
    private const double NoiseLevel = 0.25;

    private static readonly double[] HourShape =
    [
        0.35,
        0.32,
        0.30,
        0.30,
        0.32,
        0.40,
        0.60,
        0.90,
        1.30,
        1.55,
        1.60,
        1.50,
        1.30,
        1.45,
        1.60,
        1.55,
        1.40,
        1.15,
        0.90,
        0.75,
        0.65,
        0.55,
        0.45,
        0.40,
    ];

    private static readonly OcsfMetadata FlowMetadata = new()
    {
        Version = "1.1.0",
        Product = new() { Name = "Amazon VPC", VendorName = "AWS" },
    };
    private static readonly OcsfMetadata SensorMetadata = new()
    {
        Version = "1.1.0",
        Product = new() { Name = "osquery", VendorName = "osquery" },
    };

    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly List<OcsfNetworkActivity> _flows = [];
    private readonly List<OcsfProcessActivity> _processes = [];
    private int _nextPid = 2000;

    public HostActivityGenerator(DemoDataOptions options)
    {
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 15);
        Instances = CreateInstances(options.Scale);
    }

    public IReadOnlyList<HostInstance> Instances { get; }

    /// <summary>Writes both data sets and their labels into <paramref name="outputFolder"/>.</summary>
    public static IEnumerable<GeneratedFile> Write(string outputFolder, DemoDataOptions options)
    {
        var generator = new HostActivityGenerator(options);
        var (flows, processes) = generator.Generate();
        yield return WriteJsonLines(outputFolder, DataSets.HostNetworkActivity, flows);
        yield return WriteLabels(
            outputFolder,
            DataSets.HostNetworkActivity,
            generator.Labels(DataSets.HostNetworkActivity)
        );
        yield return WriteJsonLines(outputFolder, DataSets.HostProcessActivity, processes);
        yield return WriteLabels(
            outputFolder,
            DataSets.HostProcessActivity,
            generator.Labels(DataSets.HostProcessActivity)
        );
    }

    private static GeneratedFile WriteJsonLines<T>(string outputFolder, DataSet<T> dataSet, IEnumerable<T> rows)
        where T : class
    {
        var path = Path.Combine(outputFolder, dataSet.FileName);
        return new GeneratedFile(dataSet.FileName, JsonLinesDataFile.Write(path, rows), new FileInfo(path).Length);
    }

    private static GeneratedFile WriteLabels(string outputFolder, DataSet dataSet, IEnumerable<AnomalyLabel> labels)
    {
        var fileName = DataSets.LabelsOf(dataSet).FileName;
        var path = Path.Combine(outputFolder, fileName);
        return new GeneratedFile(fileName, CsvDataFile.Write(path, labels), new FileInfo(path).Length);
    }

    /// <summary>The flows and process launches, each sorted by time.</summary>
    public (IReadOnlyList<OcsfNetworkActivity> Flows, IReadOnlyList<OcsfProcessActivity> Processes) Generate()
    {
        for (int day = 0; day < Days; day++)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                var start = _clock.Day(day).AddHours(hour);
                foreach (var instance in Instances)
                {
                    double level = Level(start, hour);
                    foreach (var flow in instance.Role.Flows)
                    {
                        double factor = Factor(flow.Shape, flow.Hour, start, level);
                        AddFlow(
                            instance,
                            flow,
                            start,
                            flow.Shape == ActivityShape.Load ? flow.Probability : flow.Probability * factor,
                            flow.Shape == ActivityShape.Load ? factor : 1
                        );
                    }
                    foreach (var process in instance.Role.Processes)
                        AddProcesses(instance, process, start, Factor(process.Shape, process.Hour, start, level));
                }
                foreach (
                    var planted in HostActivityAnomalies.All.Where(planted =>
                        planted.Day == day && planted.Hour == hour
                    )
                )
                    Plant(planted, start);
            }
        }
        return (_flows.OrderBy(flow => flow.Time).ToList(), _processes.OrderBy(process => process.Time).ToList());
    }

    /// <summary>One label per planted attack for <paramref name="dataSet"/>; the entity is the instance id.</summary>
    public IEnumerable<AnomalyLabel> Labels(DataSet dataSet) =>
        HostActivityAnomalies.All.Select(planted =>
        {
            var start = _clock.Day(planted.Day).AddHours(planted.Hour);
            return DemoClock.Label(
                dataSet,
                Instance(planted.Hostname).InstanceId,
                start,
                start.AddHours(1),
                planted.Kind,
                planted.Description
            );
        });

    private void Plant(PlantedHostActivity planted, DateTimeOffset start)
    {
        var instance = Instance(planted.Hostname);
        foreach (var flow in planted.Flows)
            AddFlow(instance, flow, start, 1, 1);
        foreach (var process in planted.Processes)
            AddProcesses(instance, process, start, 1);
        for (int target = 0; target < planted.ScanTargets; target++)
        {
            string address = string.Create(CultureInfo.InvariantCulture, $"10.20.{target % 5}.{20 + target}");
            int port =
                target % 3 == 0 ? 22
                : target % 3 == 1 ? 445
                : 3389;
            AddFlow(
                instance,
                new FlowPattern(address, port, 120, target % 4 == 0 ? 80 : 0, 1, ActivityShape.Steady),
                start,
                1,
                1,
                denied: target % 4 != 0
            );
        }
    }

    private void AddFlow(
        HostInstance instance,
        FlowPattern flow,
        DateTimeOffset start,
        double probability,
        double volume,
        bool denied = false
    )
    {
        if (probability <= 0 || !_random.Chance(probability))
            return;
        double scale = volume * Math.Exp(NoiseLevel * _random.NextNormal());
        long bytesOut = (long)Math.Round(flow.BytesOut * scale),
            bytesIn = (long)Math.Round(flow.BytesIn * scale);
        _flows.Add(
            new OcsfNetworkActivity
            {
                ActivityId = 6,
                CategoryUid = 4,
                ClassUid = OcsfNetworkActivity.NetworkActivityClassUid,
                TypeUid = 400106,
                SeverityId = 1,
                Time = DemoClock.Within(_random, start, TimeSpan.FromHours(1)).ToUnixTimeMilliseconds(),
                SourceEndpoint = new OcsfEndpoint { Ip = instance.Ip, InstanceUid = instance.InstanceId },
                DestinationEndpoint = new OcsfEndpoint { Ip = flow.DestinationIp, Port = flow.Port },
                Traffic = new OcsfTraffic
                {
                    BytesOut = bytesOut,
                    BytesIn = bytesIn,
                    PacketsOut = 1 + bytesOut / 1400,
                    PacketsIn = bytesIn / 1400,
                },
                ActionId = denied ? 2 : 1,
                Metadata = FlowMetadata,
            }
        );
    }

    private void AddProcesses(HostInstance instance, ProcessPattern process, DateTimeOffset start, double expected)
    {
        int count = (int)Math.Floor(process.PerHour * expected + _random.NextDouble());
        for (int launch = 0; launch < count; launch++)
        {
            _processes.Add(
                new OcsfProcessActivity
                {
                    ActivityId = 1,
                    CategoryUid = 1,
                    ClassUid = OcsfProcessActivity.ProcessActivityClassUid,
                    TypeUid = 100701,
                    SeverityId = 1,
                    Time = DemoClock.Within(_random, start, TimeSpan.FromHours(1)).ToUnixTimeMilliseconds(),
                    Device = new OcsfDevice { InstanceUid = instance.InstanceId, Hostname = instance.Hostname },
                    Process = new OcsfProcess
                    {
                        Name = process.Name,
                        Pid = _nextPid++,
                        CommandLine = process.CommandLine,
                        ParentProcess = new OcsfParentProcess { Name = process.Parent, Pid = 1000 + _random.Next(900) },
                    },
                    Actor = new OcsfActor { User = new OcsfUser { Name = process.User } },
                    Metadata = SensorMetadata,
                }
            );
        }
    }

    private static double Level(DateTimeOffset start, int hour) =>
        HourShape[hour] * (DemoClock.IsWeekend(start) ? 0.5 : 1.0);

    private static double Factor(ActivityShape shape, int atHour, DateTimeOffset start, double level) =>
        shape switch
        {
            ActivityShape.Steady => 1,
            ActivityShape.Load => level,
            ActivityShape.WorkHours => !DemoClock.IsWeekend(start) && start.Hour is >= 8 and < 18 ? 1 : 0,
            _ => start.Hour == atHour ? 1 : 0,
        };

    private HostInstance Instance(string hostname) => Instances.First(instance => instance.Hostname == hostname);

    private List<HostInstance> CreateInstances(int scale)
    {
        var roles = new List<(HostRole Role, int Count)>
        {
            (HostRoles.Web, 3 * scale),
            (HostRoles.App, 2 * scale),
            (HostRoles.Database, 1),
            (HostRoles.Bastion, 1),
            (HostRoles.Build, 1),
        };
        var instances = new List<HostInstance>();
        foreach (var (role, count) in roles)
        {
            for (int index = 1; index <= count; index++)
            {
                string id = "i-0" + _random.NextUInt64().ToString("x16", CultureInfo.InvariantCulture);
                string host = string.Create(CultureInfo.InvariantCulture, $"{role.Name}-{index:00}");
                instances.Add(
                    new HostInstance(
                        id,
                        host,
                        string.Create(CultureInfo.InvariantCulture, $"{role.Subnet}.{10 + index}"),
                        role
                    )
                );
            }
        }
        return instances;
    }
}
