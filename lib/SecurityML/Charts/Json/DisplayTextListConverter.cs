using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes per-point text (plotly <c>text</c>, <c>hovertext</c>) as an array of HTML-encoded strings.
/// Write-only.</summary>
internal sealed class DisplayTextListConverter : JsonConverter<IReadOnlyList<string?>>
{
    public override IReadOnlyList<string?> Read(
        ref Utf8JsonReader reader,
        Type typeToConvert,
        JsonSerializerOptions options
    ) => throw new NotSupportedException("Figures are written to plotly.js JSON, not read from it.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (string? text in value)
        {
            PlotlyJsonWriting.WriteDisplayText(writer, text);
        }
        writer.WriteEndArray();
    }
}
