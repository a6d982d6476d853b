using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>
/// Reads events into the library's typed records (<see cref="LogonEvent"/>, <see cref="FileShareAccessEvent"/> ...):
/// properties take the field of the same name (case-insensitive); numbers may be JSON numbers or text (CSV rows are
/// all text); timestamps follow the input contract (ISO 8601, UTC when no offset). Fields the record does not have
/// are ignored; a missing field keeps the record's default, except the <c>required</c> fields named by the caller.
/// </summary>
public static class EventRecords
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcTimestampJsonConverter() },
    };

    /// <summary>Reads <paramref name="event"/> as a <typeparamref name="T"/>.</summary>
    /// <param name="event">The event.</param>
    /// <param name="required">Fields that must be present and not empty (case-insensitive).</param>
    /// <exception cref="FormatException">A required field is missing or empty, or a value does not convert (the message
    /// names the field, what was expected and what was received).</exception>
    public static T Read<T>(JsonObject @event, params string[] required)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var name in required)
        {
            var value = Property(@event, name);
            if (
                value is null
                || (
                    value is JsonValue text
                    && text.GetValueKind() == JsonValueKind.String
                    && text.GetValue<string>().Length == 0
                )
            )
            {
                throw new FormatException($"missing field: expected {name} ({typeof(T).Name})");
            }
        }
        try
        {
            return @event.Deserialize<T>(Options) ?? throw new FormatException($"expected a {typeof(T).Name} object");
        }
        catch (JsonException exception)
        {
            string? name = exception.Path is { Length: > 2 } path ? path[2..] : null;
            string reason = JsonLineChecks.Reason(exception);
            // System.Text.Json's own message names neither the value nor the type as users know it.
            if (
                name is not null
                && reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            )
                reason = Expected<T>(@event, name);
            throw new FormatException($"{(name is null ? "" : $"field {name}: ")}{reason}", exception);
        }
    }

    // "expected a value of type Int32, received '46x4'." as the loaders say it.
    private static string Expected<T>(JsonObject @event, string name)
    {
        var property = typeof(T).GetProperty(
            name,
            System.Reflection.BindingFlags.Public
                | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.IgnoreCase
        );
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        // The property as spelled in the path first: {"EventID":"4624","eventid":"x"} names eventid's value.
        var value = @event.TryGetPropertyValue(name, out var exact) ? exact : Property(@event, name);
        string text = EventFields.TextOf(value);
        return $"expected a value of type {type?.Name ?? "unknown"}, received '{DataFormatException.Truncate(text)}'.";
    }

    // A field by name, case-insensitive (as the records read it).
    private static JsonNode? Property(JsonObject @event, string name) =>
        @event.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
