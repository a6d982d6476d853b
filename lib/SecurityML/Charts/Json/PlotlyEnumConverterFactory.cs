using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Charts.Json;

/// <summary>Writes the chart enumerations as the plotly strings named by their
/// <see cref="EnumMemberAttribute"/> (e.g. <see cref="ScatterMode.LinesAndMarkers"/> → <c>lines+markers</c>).
/// These are plotly keywords, not display text, so they are not HTML-encoded.</summary>
internal sealed class PlotlyEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.Assembly == typeof(PlotlyEnumConverterFactory).Assembly;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(PlotlyEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class PlotlyEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private readonly Dictionary<TEnum, string> _names = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(
                field => (TEnum)field.GetValue(null)!,
                field => field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name.ToLowerInvariant()
            );

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? name = reader.GetString();
            foreach (KeyValuePair<TEnum, string> pair in _names)
            {
                if (pair.Value == name)
                {
                    return pair.Key;
                }
            }
            throw new JsonException($"'{name}' is not a plotly {typeof(TEnum).Name} value.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            if (!_names.TryGetValue(value, out string? name))
            {
                throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} value.");
            }
            writer.WriteStringValue(name);
        }
    }
}
