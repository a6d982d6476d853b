using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>The OCSF actor of an event.</summary>
public sealed record OcsfActor
{
    /// <summary>The acting user.</summary>
    [JsonPropertyName("user")]
    public OcsfUser? User { get; init; }
}
