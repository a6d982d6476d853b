using System.Text;
using System.Text.Json;

namespace SecurityML.Detection;

/// <summary>The JSON header of a model file: the kind, the payload format version and the card, checked field by
/// field when read (no duplicate keys, no nulls where the card needs a value, finite numbers). Container version 2
/// writes camelCase keys (<c>{"kind":…,"formatVersion":…,"card":{…}}</c>); version 1 headers (PascalCase, keys inside
/// the card in any casing) are read and migrated (<see cref="ModelFileMigration"/>).</summary>
internal sealed record ModelFileHeader(string Kind, int FormatVersion, ModelCard Card)
{
    private static readonly JsonSerializerOptions Json = ModelCardJson.Create(indented: false);

    private static readonly JsonSerializerOptions Version1 = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The header as JSON, as <see cref="ModelFile"/> writes it (container version 2).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses and checks a header of <paramref name="containerVersion"/> (1 or 2).</summary>
    /// <exception cref="InvalidDataException">Not JSON, a duplicate key, or a missing or unusable field
    /// (named).</exception>
    public static ModelFileHeader Parse(string json, int containerVersion)
    {
        ModelFileHeader? header;
        try
        {
            RejectDuplicateKeys(json);
            header = JsonSerializer.Deserialize<ModelFileHeader>(json, containerVersion == 1 ? Version1 : Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the header is not a valid model header: {e.Message}", e);
        }
        if (header is null)
            throw Invalid("header", "an object", "null");
        if (string.IsNullOrEmpty(header.Kind))
            throw Invalid("kind", "a model kind", "nothing");
        if (header.Card is null)
            throw Invalid("card", "a model card", "null");
        if (containerVersion == 1)
            header = header with { Card = ModelFileMigration.FromVersion1(header.Card, header.FormatVersion) };
        Check(header.Card, header.Kind, header.FormatVersion);
        return header;
    }

    private static void Check(ModelCard card, string kind, int formatVersion)
    {
        if (card.Kind != kind)
            throw Invalid("card.kind", $"\"{kind}\" (the file's kind)", $"\"{card.Kind}\"");
        if (card.Version != formatVersion)
            throw Invalid("card.version", $"{formatVersion} (the file's format version)", card.Version);
        if (card.Description is null)
            throw Invalid("card.description", "a text", "null");
        if (card.DataSet is null)
            throw Invalid("card.dataSet", "a text", "null");
        if (card.Features is null)
            throw Invalid("card.features", "a list of names", "null");
        for (int index = 0; index < card.Features.Count; index++)
        {
            if (card.Features[index] is null)
                throw Invalid($"card.features[{index}]", "a name", "null");
        }
        if (card.Options is null)
            throw Invalid("card.options", "an object", "null");
        if (card.TrainingSummary is null)
            throw Invalid("card.trainingSummary", "an object", "null");
        if (card.Metrics is null)
            throw Invalid("card.metrics", "an object", "null");
        if (card.TrainingRows is < 0)
            throw Invalid("card.trainingRows", "a count ≥ 0 or null", card.TrainingRows);
        if (card.TrainingWindowStart > card.TrainingWindowEnd)
        {
            throw Invalid(
                "card.trainingWindowEnd",
                $"a time at or after the start {card.TrainingWindowStart:O}",
                card.TrainingWindowEnd?.ToString("O")
            );
        }
        if (card.Threshold is { } threshold && !double.IsFinite(threshold))
            throw Invalid("card.threshold", "a finite number or null", threshold);
        foreach (var (name, value) in card.Metrics)
        {
            if (!double.IsFinite(value))
                throw Invalid($"card.metrics.{name}", "a finite number", value);
        }
    }

    /// <summary>Walks the whole document (every nested object, so later lazy reads cannot fail) and rejects a key
    /// given twice in one object: JSON readers disagree on which copy wins.</summary>
    private static void RejectDuplicateKeys(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 64 });
        var keys = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!keys.Peek().Add(name))
                        throw new InvalidDataException($"the header has the key \"{name}\" twice in one object");
                    break;
            }
        }
    }

    private static InvalidDataException Invalid(string field, string expected, object? received) =>
        new(
            $"header field '{field}': expected {expected}, received "
                + $"{Convert.ToString(received, System.Globalization.CultureInfo.InvariantCulture)}"
        );
}
