using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes a <see cref="PlotValue"/> as a number, encoded text or ISO 8601 UTC text. Write-only.</summary>
internal sealed class PlotValueConverter : JsonConverter<PlotValue>
{
    public override PlotValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written to plotly.js JSON, not read from it.");

    public override void Write(Utf8JsonWriter writer, PlotValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case PlotValueKind.Number:
                PlotlyJsonWriting.WriteNumber(writer, value.Number);
                break;
            case PlotValueKind.Text:
                PlotlyJsonWriting.WriteDisplayText(writer, value.Text);
                break;
            default:
                PlotlyJsonWriting.WriteTime(writer, value.Time);
                break;
        }
    }
}
