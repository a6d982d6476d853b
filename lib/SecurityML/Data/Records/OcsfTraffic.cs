using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>OCSF network traffic counters (the <c>traffic</c> object): bytes and packets in each direction, seen from
/// the source endpoint (out = sent by the source).</summary>
public sealed record OcsfTraffic
{
    /// <summary>Bytes sent by the source.</summary>
    [JsonPropertyName("bytes_out")]
    public long BytesOut { get; init; }

    /// <summary>Bytes received by the source.</summary>
    [JsonPropertyName("bytes_in")]
    public long BytesIn { get; init; }

    /// <summary>Packets sent by the source.</summary>
    [JsonPropertyName("packets_out")]
    public long PacketsOut { get; init; }

    /// <summary>Packets received by the source.</summary>
    [JsonPropertyName("packets_in")]
    public long PacketsIn { get; init; }
}
