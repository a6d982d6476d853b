using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes every <see cref="double"/> of a figure (and so every element of a <c>double</c> list or
/// matrix), writing NaN and infinities as <c>null</c>, which plotly draws as a gap.</summary>
internal sealed class NonFiniteAsNullConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        PlotlyJsonWriting.WriteNumber(writer, value);
}
