using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes a string that plotly displays (a trace name, an annotation) HTML-encoded. Write-only.</summary>
internal sealed class DisplayTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written to plotly.js JSON, not read from it.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        PlotlyJsonWriting.WriteDisplayText(writer, value);
}
