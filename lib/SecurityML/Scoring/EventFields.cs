using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>Reads fields of events by dotted path (<c>src_endpoint.ip</c>), for event conversions.</summary>
public static class EventFields
{
    /// <summary>The text of the first of <paramref name="paths"/> present in <paramref name="event"/> (JSON strings,
    /// numbers and booleans as text).</summary>
    /// <exception cref="FormatException">None is present; the message lists the paths tried.</exception>
    public static string Text(JsonObject @event, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var path in paths)
        {
            if (Find(@event, path) is JsonValue value)
                return TextOf(value);
        }
        throw new FormatException($"missing field: expected one of {string.Join(", ", paths)}");
    }

    /// <summary>A value as text: a JSON string's text, otherwise its JSON (<c>null</c> for a missing value).</summary>
    internal static string TextOf(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? text.GetValue<string>()
            : value?.ToJsonString() ?? "null";

    /// <summary>The number in the first of <paramref name="paths"/> present (a JSON number or a text in the invariant
    /// culture).</summary>
    /// <exception cref="FormatException">No field is present, or its value is not a number.</exception>
    public static double Number(JsonObject @event, params string[] paths)
    {
        var text = Text(@event, paths);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException(
                $"field {string.Join("/", paths)}: expected a number, received "
                    + $"'{SecurityML.Data.DataFormatException.Truncate(text)}'"
            );
    }

    /// <summary>As <see cref="Number"/>, and the number is finite.</summary>
    /// <exception cref="FormatException">No field is present, its value is not a number, or it is NaN or
    /// infinite.</exception>
    public static double FiniteNumber(JsonObject @event, params string[] paths)
    {
        var number = Number(@event, paths);
        return double.IsFinite(number)
            ? number
            : throw new FormatException(
                $"field {string.Join("/", paths)}: expected a finite number, received {number}"
            );
    }

    private static JsonNode? Find(JsonObject @event, string path)
    {
        JsonNode? node = @event;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject parent && parent.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
                return null;
        }
        return node;
    }
}
