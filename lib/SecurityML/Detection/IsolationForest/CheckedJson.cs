using System.Globalization;
using System.Text.Json;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Checked reads of an imported JSON document (attacker-controlled like any file): a wrong value throws
/// <see cref="InvalidDataException"/> whose message starts with the value's JSON path
/// (<c>$.estimators_[3].threshold[12]</c>) and says what was expected and what was received.
/// </summary>
internal static class CheckedJson
{
    private const int ShownCharacters = 40;

    /// <summary>Parses <paramref name="stream"/>; a syntax error names the line and byte (1-based).</summary>
    public static JsonDocument Parse(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            string reason = e.Message.Split(" LineNumber:")[0].TrimEnd('.');
            throw new InvalidDataException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {reason}"
                ),
                e
            );
        }
    }

    /// <summary>The property <paramref name="name"/> of the object at <paramref name="path"/>.</summary>
    public static JsonElement Required(JsonElement element, string path, string name)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        return element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"{path}: expected a property \"{name}\", received an object without it");
    }

    /// <summary>The property, or null when it is missing or JSON null.</summary>
    public static JsonElement? Optional(JsonElement element, string path, string name)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>The properties of the object at <paramref name="path"/>.</summary>
    public static IEnumerable<JsonProperty> Properties(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        return element.EnumerateObject();
    }

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static int Integer(JsonElement element, string path, int minimum, int maximum = int.MaxValue) =>
        element.ValueKind == JsonValueKind.Number
        && element.TryGetInt32(out int value)
        && value >= minimum
        && value <= maximum
            ? value
            : throw Invalid(path, $"an integer from {minimum} to {maximum}", element);

    /// <summary>A finite number.</summary>
    public static double Finite(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw Invalid(path, "a finite number", element);

    /// <summary>A string.</summary>
    public static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Invalid(path, "a string", element);

    /// <summary>The items of an array of <paramref name="length"/> items (any length when null).</summary>
    public static JsonElement[] Array(JsonElement element, string path, int? length = null)
    {
        Expect(element, JsonValueKind.Array, path, "an array");
        int count = element.GetArrayLength();
        if (length is { } expected && count != expected)
        {
            throw new InvalidDataException($"{path}: expected {expected} items, received {count}");
        }
        return element.EnumerateArray().ToArray();
    }

    /// <summary>An array of <paramref name="length"/> integers, each from <paramref name="minimum"/> to
    /// <paramref name="maximum"/>.</summary>
    public static int[] Integers(
        JsonElement element,
        string path,
        int length,
        int minimum,
        int maximum = int.MaxValue
    ) =>
        Array(element, path, length)
            .Select((item, index) => Integer(item, $"{path}[{index}]", minimum, maximum))
            .ToArray();

    /// <summary>An array of <paramref name="length"/> finite numbers.</summary>
    public static double[] Finites(JsonElement element, string path, int length) =>
        Array(element, path, length).Select((item, index) => Finite(item, $"{path}[{index}]")).ToArray();

    /// <summary>"expected …, received …" for the value at <paramref name="path"/>, showing at most 40 characters of
    /// it.</summary>
    public static InvalidDataException Invalid(string path, string expected, JsonElement received)
    {
        string text = received.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => received.GetRawText(),
        };
        if (text.Length > ShownCharacters)
        {
            text = string.Concat(text.AsSpan(0, ShownCharacters), "…");
        }
        return new InvalidDataException($"{path}: expected {expected}, received {text}");
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path, string expected)
    {
        if (element.ValueKind != kind)
        {
            throw Invalid(path, expected, element);
        }
    }
}
