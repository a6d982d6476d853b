using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> in JSON Lines as in CSV: ISO 8601 UTC with a <c>Z</c>
/// (<c>2024-03-04T08:15:30.125Z</c>), as Log Analytics' TimeGenerated expects; reads any ISO 8601 form into UTC.
/// </summary>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UtcTimestampConverter.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"expected {UtcTimestampConverter.Expected}, received '{reader.GetString()}'");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UtcTimestampConverter.ToText(value));
}
