namespace SecurityML.Data;

/// <summary>A kind of instance: its name prefix, private subnet and what it normally does.</summary>
internal sealed record HostRole(
    string Name,
    string Subnet,
    IReadOnlyList<FlowPattern> Flows,
    IReadOnlyList<ProcessPattern> Processes
);
