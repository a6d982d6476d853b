using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF network endpoint.</summary>
public sealed record OcsfEndpoint
{
    /// <summary>The IP address.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>The port; null when not known.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; init; }

    /// <summary>The unique identifier of the device or instance; null when not known.</summary>
    [JsonPropertyName("instance_uid")]
    public string? InstanceUid { get; init; }
}
