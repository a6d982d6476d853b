using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>Exports model cards as readable JSON (what the model detects, its features, options, training summary,
/// threshold and metrics), for reviews and for whoever loads the model next.</summary>
public static class ModelCards
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The card as indented JSON with the property names of <see cref="ModelCard"/>.</summary>
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

    /// <summary>Reads a card written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The file is not a model card.</exception>
    public static ModelCard Read(string path) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Indented) ?? throw new JsonException($"{path} holds no model card.");

    private static string IsoUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A training summary with the training window (ISO 8601 UTC, milliseconds) and row count, to put into a card with
    /// <c>card with { TrainingSummary = ... }</c>.</summary>
    public static JsonObject TrainingWindow(DateTimeOffset start, DateTimeOffset end, long rows) => new()
    {
        ["window_start"] = IsoUtc(start),
        ["window_end"] = IsoUtc(end),
        ["rows"] = rows,
    };
}
