namespace SecurityML.Data;

/// <summary>One EC2 instance of the demo account.</summary>
internal sealed record HostInstance(string InstanceId, string Hostname, string Ip, HostRole Role);
