using System.Text;
using System.Text.Json;

namespace SecurityML.Detection;

/// <summary>The JSON header of a model file: the kind, the payload format version and the card, checked field by
/// field when read (no duplicate keys, no nulls where the card needs a value, finite numbers).</summary>
internal sealed record ModelFileHeader(string Kind, int FormatVersion, ModelCard Card)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The header as JSON, as <see cref="ModelFile"/> writes it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses and checks a header.</summary>
    /// <exception cref="InvalidDataException">Not JSON, a duplicate key, or a missing or unusable field (named).</exception>
    public static ModelFileHeader Parse(string json)
    {
        ModelFileHeader? header;
        try
        {
            RejectDuplicateKeys(json);
            header = JsonSerializer.Deserialize<ModelFileHeader>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the header is not a valid model header: {e.Message}", e);
        }
        if (header is null) throw Invalid("header", "an object", "null");
        if (string.IsNullOrEmpty(header.Kind)) throw Invalid("Kind", "a model kind", "nothing");
        if (header.Card is null) throw Invalid("Card", "a model card", "null");
        Check(header.Card, header.Kind);
        return header;
    }

    private static void Check(ModelCard card, string kind)
    {
        if (card.Kind != kind) throw Invalid("Card.Kind", $"\"{kind}\" (the file's kind)", $"\"{card.Kind}\"");
        if (card.Description is null) throw Invalid("Card.Description", "a text", "null");
        if (card.Features is null) throw Invalid("Card.Features", "a list of names", "null");
        for (int index = 0; index < card.Features.Count; index++)
        {
            if (card.Features[index] is null) throw Invalid($"Card.Features[{index}]", "a name", "null");
        }
        if (card.Options is null) throw Invalid("Card.Options", "an object", "null");
        if (card.TrainingSummary is null) throw Invalid("Card.TrainingSummary", "an object", "null");
        if (card.Metrics is null) throw Invalid("Card.Metrics", "an object", "null");
        if (card.Threshold is { } threshold && !double.IsFinite(threshold)) throw Invalid("Card.Threshold", "a finite number or null", threshold);
        foreach (var (name, value) in card.Metrics)
        {
            if (!double.IsFinite(value)) throw Invalid($"Card.Metrics.{name}", "a finite number", value);
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
                    if (!keys.Peek().Add(name)) throw new InvalidDataException($"the header has the key \"{name}\" twice in one object");
                    break;
            }
        }
    }

    private static InvalidDataException Invalid(string field, string expected, object? received) =>
        new($"header field '{field}': expected {expected}, received {Convert.ToString(received, System.Globalization.CultureInfo.InvariantCulture)}");
}
