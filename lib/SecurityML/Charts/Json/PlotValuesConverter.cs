using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes <see cref="PlotValues"/> as a JSON array of numbers, encoded texts or ISO 8601 UTC texts.
/// Write-only.</summary>
internal sealed class PlotValuesConverter : JsonConverter<PlotValues>
{
    public override PlotValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written to plotly.js JSON, not read from it.");

    public override void Write(Utf8JsonWriter writer, PlotValues value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        switch (value.Kind)
        {
            case PlotValueKind.Number:
                foreach (double number in value.Numbers)
                {
                    PlotlyJsonWriting.WriteNumber(writer, number);
                }
                break;
            case PlotValueKind.Text:
                foreach (string? text in value.Texts)
                {
                    PlotlyJsonWriting.WriteDisplayText(writer, text);
                }
                break;
            default:
                foreach (DateTimeOffset time in value.Times)
                {
                    PlotlyJsonWriting.WriteTime(writer, time);
                }
                break;
        }
        writer.WriteEndArray();
    }
}
