using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF parent process (name and pid only).</summary>
public sealed record OcsfParentProcess
{
    /// <summary>The image name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The process id.</summary>
    [JsonPropertyName("pid")]
    public int? Pid { get; init; }
}
