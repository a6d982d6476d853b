using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>OCSF event metadata.</summary>
public sealed record OcsfMetadata
{
    /// <summary>The OCSF schema version, e.g. <c>1.1.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>The product that logged the event.</summary>
    [JsonPropertyName("product")]
    public OcsfProduct? Product { get; init; }
}
