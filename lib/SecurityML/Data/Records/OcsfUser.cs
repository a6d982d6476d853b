using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF user.</summary>
public sealed record OcsfUser
{
    /// <summary>The user name, e.g. a user principal name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
