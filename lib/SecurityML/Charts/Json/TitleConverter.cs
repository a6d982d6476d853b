using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes a title string as plotly's title object <c>{"text": …}</c>, HTML-encoded (plotly.js 3 and later
/// no longer accept a bare string). Write-only.</summary>
internal sealed class TitleConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written to plotly.js JSON, not read from it.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("text");
        PlotlyJsonWriting.WriteDisplayText(writer, value);
        writer.WriteEndObject();
    }
}
