using System.Text;
using System.Text.Json;

namespace SecurityML.Data;

/// <summary>
/// Checks a JSON line before it is deserialised: a property repeated in one object is an error (System.Text.Json
/// keeps the last copy silently, and <c>JsonNode</c> throws <see cref="ArgumentException"/>), reported with the
/// property's path and its character position.
/// </summary>
internal static class JsonLineChecks
{
    /// <summary>The reason of a System.Text.Json error without its own position text (<c>Path: … | LineNumber: 0 |
    /// BytePositionInLine: …</c>), which counts from 0 and would contradict the line and column given by the
    /// caller.</summary>
    public static string Reason(JsonException exception)
    {
        var message = exception.Message;
        foreach (var marker in (string[])[" Path:", " LineNumber:"])
        {
            int index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
                message = message[..index];
        }
        return message.TrimEnd();
    }

    /// <summary>The first repeated property of <paramref name="utf8Line"/>, or null when there is none (or the JSON is
    /// malformed, which the parser then reports).</summary>
    public static DataFormatException? FindDuplicateProperty(
        ReadOnlySpan<byte> utf8Line,
        string sourceName,
        long lineNumber
    )
    {
        var reader = new Utf8JsonReader(utf8Line, new JsonReaderOptions { MaxDepth = 256 });
        var seen = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        seen.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        seen.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        seen.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (seen.Peek()!.Add(name))
                            break;
                        int column = Encoding.UTF8.GetCharCount(utf8Line[..(int)reader.TokenStartIndex]) + 1;
                        return new DataFormatException(
                            sourceName,
                            lineNumber,
                            column,
                            $"the property \"{DataFormatException.Truncate(name)}\" appears twice in one object; expected each property "
                                + $"once (which copy holds the value is ambiguous)."
                        );
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
