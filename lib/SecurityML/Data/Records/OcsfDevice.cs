using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF device (host).</summary>
public sealed record OcsfDevice
{
    /// <summary>The unique identifier of the device or instance, e.g. an EC2 instance id.</summary>
    [JsonPropertyName("instance_uid")]
    public string? InstanceUid { get; init; }

    /// <summary>The host name.</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }
}
