namespace SecurityML.Data;

/// <summary>A computer: short name and address.</summary>
internal sealed record DemoHost(string Name, string IpAddress);
