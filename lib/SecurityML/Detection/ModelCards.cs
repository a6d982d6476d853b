using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>Exports model cards as readable JSON (what the model detects, its features, options, training summary,
/// threshold and metrics), for reviews and for whoever loads the model next.</summary>
public static class ModelCards
{
    private static readonly JsonSerializerOptions Indented = Named(ModelCardJson.Create(indented: true));

    /// <summary>Reads cards exported before the one model contract too (PascalCase property names).</summary>
    private static readonly JsonSerializerOptions Reading = Named(
        new JsonSerializerOptions(Indented) { PropertyNameCaseInsensitive = true }
    );

    private static JsonSerializerOptions Named(JsonSerializerOptions options)
    {
        // For people: "×" and "≥" as themselves, not \u00D7 (the file is UTF-8 JSON, not HTML).
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }

    /// <summary>The card as indented JSON, as the model file holds it: camelCase keys, training window in ISO 8601
    /// UTC.</summary>
    public static string ToJson(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, Indented);
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> (UTF-8); returns the path.</summary>
    public static string Write(ModelCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, ToJson(card));
        return path;
    }

    /// <summary>Reads a card written by <see cref="Write"/> (also one exported with PascalCase names before version
    /// 2).</summary>
    /// <exception cref="JsonException">The file is not a model card.</exception>
    public static ModelCard Read(string path) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Reading)
        ?? throw new JsonException($"{path} holds no model card.");

    internal static string IsoUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A training summary with the training window (ISO 8601 UTC, milliseconds) and row count, to put into a
    /// card with <c>card with { TrainingSummary = ... }</c>. The card's own
    /// <see cref="ModelCard.TrainingWindowStart"/>, <see cref="ModelCard.TrainingWindowEnd"/> and
    /// <see cref="ModelCard.TrainingRows"/> say the same and are what tools read; see
    /// <see cref="ModelCard.WithTrainingWindow"/>.</summary>
    public static JsonObject TrainingWindow(DateTimeOffset start, DateTimeOffset end, long rows) =>
        new()
        {
            ["windowStart"] = IsoUtc(start),
            ["windowEnd"] = IsoUtc(end),
            ["rows"] = rows,
        };
}
