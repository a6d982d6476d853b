using SecurityML.Data;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// Combined host and network features per instance and time bucket from Amazon Security Lake OCSF data, the input of
/// the random cut forest notebook: network columns from Network Activity (4001) traffic records whose source is the
/// instance, host columns from Process Activity (1007) launches on it. Every instance seen in either source gets a row
/// for every bucket of the range, zeros where it logged nothing.
/// </summary>
public static class HostActivityFeatures
{
    /// <summary>Default bucket length: one hour.</summary>
    public static readonly TimeSpan DefaultBucket = TimeSpan.FromHours(1);

    /// <summary>Process names counted as shells.</summary>
    public static IReadOnlySet<string> ShellNames { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "sh",
            "bash",
            "dash",
            "zsh",
            "ksh",
            "pwsh",
            "powershell",
            "powershell.exe",
            "cmd.exe",
        };

    /// <summary>The feature names, in column order: log10(1 + bytes sent), log10(1 + bytes received), connections
    /// (traffic records), distinct destination addresses, distinct destination ports, denied connections, process
    /// launches, distinct process names, shell launches.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "log10BytesOut",
        "log10BytesIn",
        "connections",
        "destinations",
        "destinationPorts",
        "deniedConnections",
        "processLaunches",
        "distinctProcesses",
        "shellLaunches",
    ];

    /// <summary>Writes <paramref name="rows"/> as JSON Lines, one object per row in order: <c>TimeGenerated</c> (the
    /// bucket start, ISO 8601 UTC), <c>InstanceUid</c>, <c>Hostname</c> and one number per feature named as in
    /// <see cref="Names"/>: the feature rows <c>secml score</c> streams through a saved random cut forest. The file is
    /// written to a temporary name and renamed, so a reader never sees half of it; its folder is created if
    /// needed.</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="ArgumentException">A row does not have <see cref="Names"/>.Count features.</exception>
    public static string WriteJsonLines(IEnumerable<HostActivityBucket> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            foreach (var row in rows)
            {
                if (row.Features.Length != Names.Count)
                {
                    throw new ArgumentException(
                        $"Expected rows of {Names.Count} features, received {row.Features.Length} ({row.InstanceUid}).",
                        nameof(rows)
                    );
                }
                using (var json = new System.Text.Json.Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    json.WriteString("TimeGenerated", ModelCards.IsoUtc(row.BucketStart));
                    json.WriteString("InstanceUid", row.InstanceUid);
                    json.WriteString("Hostname", row.Hostname);
                    for (int index = 0; index < Names.Count; index++)
                        json.WriteNumber(Names[index], row.Features[index]);
                    json.WriteEndObject();
                }
                stream.WriteByte((byte)'\n');
            }
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>One row per instance and bucket of <paramref name="range"/>, ordered by instance, then time.</summary>
    /// <param name="flows">Network Activity events; those without <c>src_endpoint.instance_uid</c> or outside the range
    /// are skipped.</param>
    /// <param name="processes">Process Activity events; launches (activity 1) with <c>device.instance_uid</c>
    /// count.</param>
    /// <param name="range">The window; its start is the first bucket's start. Must be finite.</param>
    /// <param name="bucket">The bucket length (≥ 1 minute); <see cref="DefaultBucket"/> when null.</param>
    /// <exception cref="ArgumentException">The range is unbounded or the bucket shorter than a minute.</exception>
    public static IReadOnlyList<HostActivityBucket> Build(
        IEnumerable<OcsfNetworkActivity> flows,
        IEnumerable<OcsfProcessActivity> processes,
        TimeRange range,
        TimeSpan? bucket = null
    )
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(processes);
        var length = bucket ?? DefaultBucket;
        if (length < TimeSpan.FromMinutes(1))
            throw new ArgumentException(
                $"Expected a bucket of at least one minute, received {length}.",
                nameof(bucket)
            );
        if (range.Start == DateTimeOffset.MinValue || range.End == DateTimeOffset.MaxValue)
        {
            throw new ArgumentException("Expected a bounded time range, received an unbounded one.", nameof(range));
        }
        int buckets = (int)Math.Ceiling((range.End - range.Start) / length);
        var accumulators = new SortedDictionary<string, BucketAccumulator[]>(StringComparer.Ordinal);
        var hostnames = new Dictionary<string, string>(StringComparer.Ordinal);
        BucketAccumulator? At(string? instance, DateTimeOffset time)
        {
            if (string.IsNullOrEmpty(instance) || !range.Contains(time))
                return null;
            if (!accumulators.TryGetValue(instance, out var row))
            {
                accumulators[instance] = row = Enumerable
                    .Range(0, buckets)
                    .Select(_ => new BucketAccumulator())
                    .ToArray();
            }
            return row[(int)((time - range.Start) / length)];
        }
        foreach (var flow in flows)
            At(flow.SourceEndpoint?.InstanceUid, flow.TimeUtc)?.Add(flow);
        foreach (var process in processes.Where(process => process.ActivityId == 1))
        {
            if (At(process.Device?.InstanceUid, process.TimeUtc) is { } accumulator)
            {
                accumulator.Add(process);
                if (!string.IsNullOrEmpty(process.Device!.Hostname))
                    hostnames[process.Device.InstanceUid!] = process.Device.Hostname;
            }
        }
        return accumulators
            .SelectMany(pair =>
                pair.Value.Select(
                    (accumulator, index) =>
                        new HostActivityBucket(
                            pair.Key,
                            hostnames.GetValueOrDefault(pair.Key, ""),
                            range.Start + index * length,
                            accumulator.Features()
                        )
                )
            )
            .ToList();
    }

    private sealed class BucketAccumulator
    {
        private readonly HashSet<string> _destinations = new(StringComparer.Ordinal);
        private readonly HashSet<int> _ports = [];
        private readonly HashSet<string> _processNames = new(StringComparer.Ordinal);
        private long _bytesOut,
            _bytesIn;
        private int _connections,
            _denied,
            _launches,
            _shells;

        public void Add(OcsfNetworkActivity flow)
        {
            _connections++;
            _bytesOut += flow.Traffic?.BytesOut ?? 0;
            _bytesIn += flow.Traffic?.BytesIn ?? 0;
            if (flow.ActionId == 2)
                _denied++;
            if (flow.DestinationEndpoint?.Ip is { } ip)
                _destinations.Add(ip);
            if (flow.DestinationEndpoint?.Port is { } port)
                _ports.Add(port);
        }

        public void Add(OcsfProcessActivity process)
        {
            _launches++;
            string name = process.Process?.Name ?? "";
            _processNames.Add(name);
            if (ShellNames.Contains(name))
                _shells++;
        }

        public double[] Features() =>
            [
                Math.Log10(1.0 + _bytesOut),
                Math.Log10(1.0 + _bytesIn),
                _connections,
                _destinations.Count,
                _ports.Count,
                _denied,
                _launches,
                _processNames.Count,
                _shells,
            ];
    }
}
