using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Detection;

/// <summary>The JSON form of model cards, in model files and in exported card files: camelCase property names, no
/// null fields, training-window times as ISO 8601 UTC with seven fraction digits and a Z (lossless).</summary>
internal static class ModelCardJson
{
    /// <summary>Serializer options for cards (and headers that hold one).</summary>
    public static JsonSerializerOptions Create(bool indented) =>
        new()
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new UtcTimeConverter() },
        };

    /// <summary>A time as the card writes it, e.g. <c>2024-03-04T00:00:00.0000000Z</c>.</summary>
    public static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Text"/>; reads any ISO 8601 date and time (an offset or Z; none means UTC) into
    /// UTC.</summary>
    private sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options
        )
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return
                text is not null
                && text.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(
                    text,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal,
                    out var time
                )
                ? time.ToUniversalTime()
                : throw new JsonException(
                    $"expected an ISO 8601 UTC time such as 2024-03-04T00:00:00.0000000Z, received "
                        + $"{text ?? reader.TokenType.ToString()}"
                );
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Text(value));
    }
}
