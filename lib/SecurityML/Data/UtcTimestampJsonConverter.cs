using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> in JSON Lines as in CSV: ISO 8601 UTC with a <c>Z</c>
/// (<c>2024-03-04T08:15:30.125Z</c>), as Log Analytics' TimeGenerated expects; reads what
/// <see cref="UtcTimestampConverter"/> reads (ISO 8601, or the named <paramref name="format"/>) into UTC.
/// </summary>
internal sealed class UtcTimestampJsonConverter(string? format = null) : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return UtcTimestampConverter.TryParse(text, format, out var value)
            ? value
            : throw new JsonException(
                $"expected {UtcTimestampConverter.ExpectedFor(format)}, received "
                    + $"{(text is null ? reader.TokenType.ToString() : $"'{text}'")}"
            );
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UtcTimestampConverter.ToText(value));
}
