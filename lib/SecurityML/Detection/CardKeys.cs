using System.Text;
using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>The one casing of model-card keys: camelCase (<c>final_loss</c>, <c>FinalLoss</c>, <c>finalLoss</c> →
/// <c>finalLoss</c>), applied to every key of an object, nested objects and objects inside arrays included.</summary>
public static class CardKeys
{
    /// <summary>A key in camelCase: the first letter lower-cased, each letter after an underscore, dash or space
    /// upper-cased and the separator dropped; a leading run of capitals is lower-cased as one word ("AUC" → "auc",
    /// "ROCAuc" → "rocAuc").</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static string CamelCase(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length);
        bool upperNext = false;
        foreach (char character in key)
        {
            if (character is '_' or '-' or ' ')
            {
                upperNext = builder.Length > 0;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
            upperNext = false;
        }
        int capitals = 0;
        while (capitals < builder.Length && char.IsUpper(builder[capitals]))
            capitals++;
        // "ROCAuc": the last capital of a run starts the next word; "AUC" or "X": the whole run is one word.
        int lower =
            capitals > 1 && capitals < builder.Length && char.IsLower(builder[capitals]) ? capitals - 1 : capitals;
        for (int index = 0; index < lower; index++)
            builder[index] = char.ToLowerInvariant(builder[index]);
        return builder.ToString();
    }

    /// <summary>A copy of <paramref name="json"/> with every key in camelCase (values copied as they are); null stays
    /// null.</summary>
    /// <param name="json">The object to copy.</param>
    /// <param name="field">Names the object in errors (e.g. "Options").</param>
    /// <exception cref="ArgumentException">Two keys of one object become the same key (named).</exception>
    public static JsonObject CamelCase(JsonObject json, string field)
    {
        if (json is null)
            return null!;
        return (JsonObject)Copy(json, field)!;
    }

    /// <summary>A copy of <paramref name="metrics"/> with camelCase names; null stays null.</summary>
    /// <exception cref="ArgumentException">Two names become the same name.</exception>
    public static IReadOnlyDictionary<string, double> CamelCase(
        IReadOnlyDictionary<string, double> metrics,
        string field
    )
    {
        if (metrics is null)
            return null!;
        var result = new Dictionary<string, double>(metrics.Count, StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
        {
            if (!result.TryAdd(CamelCase(name), value))
                throw Collision(field, name);
        }
        return result;
    }

    private static JsonNode? Copy(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    var name = CamelCase(key);
                    if (copy.ContainsKey(name))
                        throw Collision(field, key);
                    copy[name] = Copy(child, $"{field}.{name}");
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select((child, index) => Copy(child, $"{field}[{index}]")).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static ArgumentException Collision(string field, string key) =>
        new(
            $"Card field '{field}': the key \"{key}\" is another key's name in camelCase (\"{CamelCase(key)}\"); "
                + $"expected distinct keys.",
            field
        );
}
