using System.Text.Json;

namespace SecurityML.Charts.Json;

/// <summary>plotly's attribute names are the C# property names in lower case (<c>ShowLegend</c> →
/// <c>showlegend</c>); properties whose plotly name differs carry <c>[JsonPropertyName]</c>.</summary>
internal sealed class LowerCaseNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => name.ToLowerInvariant();
}
