using System.Globalization;
using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>JSON forms of units and explanations in alerts (camelCase keys, ISO 8601 UTC times).</summary>
public static class ScoringJson
{
    /// <summary>An <see cref="Explanation"/>:
    /// <c>{"output","baseValue","anomalousDirection","contributions":[{"feature","value","contribution"}]}</c>,
    /// contributions in feature order; non-finite numbers as the strings "NaN", "Infinity", "-Infinity".</summary>
    public static JsonObject Of(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var contributions = new JsonArray();
        foreach (var item in explanation.Contributions)
        {
            contributions.Add(
                new JsonObject
                {
                    ["feature"] = item.Feature,
                    ["value"] = Number(item.Value),
                    ["contribution"] = Number(item.Contribution),
                }
            );
        }
        return new JsonObject
        {
            ["output"] = Number(explanation.Output),
            ["baseValue"] = Number(explanation.BaseValue),
            ["anomalousDirection"] = explanation.AnomalousDirection,
            ["contributions"] = contributions,
        };
    }

    /// <summary>A number node; non-finite values as their names (JSON has no literal for them).</summary>
    public static JsonNode Number(double value) =>
        double.IsFinite(value)
            ? JsonValue.Create(value)
            : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>A UTC time as ISO 8601 with a Z, e.g. <c>2024-03-20T00:00:00.000Z</c>.</summary>
    public static string Time(DateTimeOffset time) => ModelCards.IsoUtc(time);

    /// <summary>One unit per record, for per-event kinds.</summary>
    /// <param name="records">The records.</param>
    /// <param name="unit">The unit's model input and JSON from a record.</param>
    /// <param name="entity">The unit's entity from a record; null for none.</param>
    /// <remarks>The unit's time is the event's <c>TimeGenerated</c> when it has a readable one.</remarks>
    public static UnitSet<TInput> PerEvent<TRecord, TInput>(
        IReadOnlyList<LineRecord<TRecord>> records,
        Func<TRecord, (TInput Input, JsonObject Unit)> unit,
        Func<TRecord, string?>? entity = null
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(unit);
        return new UnitSet<TInput>(
            records
                .Select(record =>
                {
                    var (input, json) = unit(record.Record);
                    var time = TimeOf(record.Event);
                    return new ScoringUnit<TInput>(input, json, [record.Line], record.Event)
                    {
                        Entity = entity?.Invoke(record.Record),
                        Start = time,
                        End = time,
                    };
                })
                .ToList()
        );
    }

    /// <summary>The event's <c>TimeGenerated</c> when present and readable (ISO 8601), else null.</summary>
    public static DateTimeOffset? TimeOf(JsonObject @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var node = @event
            .FirstOrDefault(pair => string.Equals(pair.Key, "TimeGenerated", StringComparison.OrdinalIgnoreCase))
            .Value;
        return
            node is JsonValue value
            && value.TryGetValue<string>(out var text)
            && Data.UtcTimestampConverter.TryParse(text, null, out var time)
            ? time
            : null;
    }
}
