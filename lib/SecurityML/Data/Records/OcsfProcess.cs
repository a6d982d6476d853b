using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF process.</summary>
public sealed record OcsfProcess
{
    /// <summary>The image name, e.g. <c>bash</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The process id.</summary>
    [JsonPropertyName("pid")]
    public int? Pid { get; init; }

    /// <summary>The full command line.</summary>
    [JsonPropertyName("cmd_line")]
    public string? CommandLine { get; init; }

    /// <summary>The parent process (its name and pid).</summary>
    [JsonPropertyName("parent_process")]
    public OcsfParentProcess? ParentProcess { get; init; }
}
