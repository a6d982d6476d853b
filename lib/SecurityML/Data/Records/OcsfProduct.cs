using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>An OCSF product.</summary>
public sealed record OcsfProduct
{
    /// <summary>The product name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The vendor name.</summary>
    [JsonPropertyName("vendor_name")]
    public string? VendorName { get; init; }
}
