namespace SecurityML.Data;

/// <summary>An attack planted by <see cref="HostActivityGenerator"/>: one hour of one instance with extra flows
/// (<c>Repeat</c> destinations each) and extra processes, seen in both the network and the process data.</summary>
internal sealed record PlantedHostActivity(
    int Day,
    int Hour,
    string Hostname,
    string Kind,
    string Description,
    IReadOnlyList<FlowPattern> Flows,
    IReadOnlyList<ProcessPattern> Processes,
    int ScanTargets = 0
);
