using System.Globalization;
using System.Text;
using SecurityML.Data;
using SecurityML.Detection.Clustering;
using SecurityML.Features.CommandLine;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>Each rare logon session's processes in order with its duration (notebook 06): a hand-worked case, the
/// planted session of the demo data and msticpy's processes_on_host.csv, both against their raw CSV rows.</summary>
public sealed class LogonSessionProcessesTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 13, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_hand_worked_case_lists_every_process_of_the_rare_sessions_in_time_order_with_the_duration()
    {
        ProcessCreationEvent[] events =
        [
            Event("WS1", "0x10", T0.AddMinutes(5), "b.exe"),
            Event("WS1", "0x10", T0, "a.exe"),
            Event("WS1", "0x20", T0, "other session"),
            Event("WS2", "0x10", T0, "other host"),
            Event("WS1", "0x10", T0.AddMinutes(5), "c.exe"),
            Event("WS1", "0x30", T0.AddHours(1), "lone"),
        ];
        var rare = new[] { Rare(events[0], size: 1), Rare(events[5], size: 2) };

        var sessions = LogonSessionProcesses.Of(rare, events);

        sessions.Select(s => (s.Computer, s.SubjectLogonId)).Should().Equal(("WS1", "0x10"), ("WS1", "0x30"));
        sessions[0].Processes.Select(p => p.CommandLine).Should().Equal("a.exe", "b.exe", "c.exe");
        sessions[0]
            .Processes.Select(p => p.SinceSessionStart)
            .Should()
            .Equal(TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        sessions[0].Processes.Select(p => p.IsRare).Should().Equal(false, true, false);
        (sessions[0].Start, sessions[0].End, sessions[0].Duration, sessions[0].ProcessCount, sessions[0].RarePatterns)
            .Should()
            .Be((T0, T0.AddMinutes(5), TimeSpan.FromMinutes(5), 3, 1));
        (sessions[1].Duration, sessions[1].ProcessCount).Should().Be((TimeSpan.Zero, 1));
        LogonSessionProcesses.Of([], events).Should().BeEmpty();
    }

    [Fact]
    public void The_planted_session_of_the_demo_data_lists_its_commands_in_order_with_its_duration()
    {
        var events = QueryProvider.Local(RepositoryPaths.SampleData).ProcessCreation();
        var label = QueryProvider
            .Local(RepositoryPaths.SampleData)
            .Labels(DataSets.ProcessCreation)
            .First(l => l.Kind == "EncodedPowerShell");

        var sessions = Pipeline(events);

        var planted = sessions.Single(s =>
            s.Computer == label.Entity
            && s.Processes.Any(p => p.CommandLine.Contains("-Enc ", StringComparison.Ordinal))
        );
        var raw = RawRows(Path.Combine(RepositoryPaths.SampleData, "ProcessCreation.csv"))
            .Where(row => row["Computer"] == planted.Computer && row["SubjectLogonId"] == planted.SubjectLogonId)
            .ToList();
        planted
            .Processes.Select(p => p.CommandLine)
            .Should()
            .Equal(raw.OrderBy(row => Time(row["TimeGenerated"])).Select(row => row["CommandLine"]));
        planted
            .Duration.Should()
            .Be(raw.Max(row => Time(row["TimeGenerated"])) - raw.Min(row => Time(row["TimeGenerated"])));
        planted.Processes.Should().HaveCount(7);
        planted
            .Processes.Select(p => p.NewProcessName)
            .Should()
            .ContainInOrder(
                @"C:\Windows\System32\cmd.exe",
                @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
                @"C:\Windows\System32\whoami.exe"
            );
    }

    [Fact]
    public void On_msticpys_processes_on_host_every_rare_session_holds_all_its_raw_rows_in_time_order()
    {
        var path = Path.Combine(
            RepositoryPaths.Root,
            "..",
            "shared",
            "reference-data",
            "msticpy",
            "processes_on_host.csv"
        );
        var events = CsvDataFile.Read<ProcessCreationEvent>(path).ToList();
        var raw = RawRows(path);
        raw.Should().HaveCount(events.Count, "the raw parse reads every record");

        var sessions = Pipeline(events);

        sessions.Should().HaveCountGreaterThan(1);
        foreach (var session in sessions)
        {
            var rows = raw.Where(row =>
                    row["Computer"] == session.Computer && row["SubjectLogonId"] == session.SubjectLogonId
                )
                .ToList();
            session.ProcessCount.Should().Be(rows.Count, $"{session.Computer} {session.SubjectLogonId}");
            session
                .Duration.Should()
                .Be(rows.Max(row => Time(row["TimeGenerated"])) - rows.Min(row => Time(row["TimeGenerated"])));
            session.Processes.Select(p => p.TimeGenerated).Should().BeInAscendingOrder();
            session.Processes.Count(p => p.IsRare).Should().BeGreaterThanOrEqualTo(session.RarePatterns);
        }
    }

    /// <summary>Notebook 06's steps with its defaults.</summary>
    private static IReadOnlyList<LogonSessionProcesses> Pipeline(IReadOnlyList<ProcessCreationEvent> events)
    {
        var features = ProcessFeatures.Compute(events);
        var clustering = Dbscan.Cluster(
            ProcessFeatures.ToMatrix(features, ProcessFeatures.DefaultClusteringFeatures),
            new DbscanOptions { MaximumDistance = 0.001, MinimumSamples = 2 }
        );
        var summary = ClusterSummary.Summarize(
            features,
            clustering.Labels,
            f => f.Event.TimeGenerated,
            NoiseEventTimes.OwnEvent
        );
        return LogonSessionProcesses.Of(ClusterSummary.Rarest(summary, 2), events);
    }

    private static ProcessCreationEvent Event(
        string computer,
        string logonId,
        DateTimeOffset time,
        string commandLine
    ) =>
        new()
        {
            Computer = computer,
            SubjectLogonId = logonId,
            TimeGenerated = time,
            CommandLine = commandLine,
            NewProcessName = commandLine,
            Account = "CONTOSO\\anna",
            EventID = 4688,
        };

    private static ClusterSummaryRow<ProcessFeatureRow> Rare(ProcessCreationEvent item, int size) =>
        new()
        {
            Item = new ProcessFeatureRow { Event = item, ProcessName = item.NewProcessName },
            ClusterSize = size,
            FirstEventTime = item.TimeGenerated,
            LastEventTime = item.TimeGenerated,
            ClusterId = size == 1 ? -1 : 0,
        };

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );

    /// <summary>The rows of a CSV file by column name, parsed here (RFC 4180: quoted fields with commas, doubled quotes
    /// and line breaks) independently of the library's reader.</summary>
    private static List<Dictionary<string, string>> RawRows(string path)
    {
        var records = new List<List<string>> { new() };
        var field = new StringBuilder();
        var quoted = false;
        var text = File.ReadAllText(path);
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (quoted && c == '"' && index + 1 < text.Length && text[index + 1] == '"')
            {
                field.Append('"');
                index++;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                records[^1].Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' && !quoted)
            {
                records[^1].Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add([]);
            }
            else
                field.Append(c);
        }
        if (field.Length > 0 || records[^1].Count > 0)
            records[^1].Add(field.ToString());
        var header = records[0];
        return records
            .Skip(1)
            .Where(record => record.Count == header.Count)
            .Select(record => header.Zip(record).ToDictionary(pair => pair.First, pair => pair.Second))
            .ToList();
    }
}
