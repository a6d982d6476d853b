using System.Globalization;
using System.Text;

namespace SecurityML.Sentinel;

/// <summary>
/// Turns values into KQL literals so that a value can never change the query around it (no injection): strings become
/// double-quoted literals escaping <c>\</c>, <c>"</c>, tab, line feed and carriage return, the escapes the KQL string
/// type documents; a string holding any other control or line-separator character is sent instead as
/// <c>base64_decode_tostring("...")</c>, whose base64 alphabet cannot close a literal. Times become
/// <c>datetime(...)</c> in UTC, names are checked against the identifier rules.
/// </summary>
public static class KqlLiteral
{
    /// <summary>A string literal equal to <paramref name="value"/>, e.g. <c>"CONTOSO\\anna"</c>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">When it holds a lone surrogate (not valid Unicode text).</exception>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckWellFormed(value);
        if (value.Any(NeedsEncoding))
        {
            return "base64_decode_tostring(\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "\")";
        }
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            builder.Append(character switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\t' => @"\t",
                '\n' => @"\n",
                '\r' => @"\r",
                _ => character.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A parenthesised list of string literals for <c>in</c> / <c>in~</c>, e.g. <c>("a", "b")</c>.</summary>
    /// <exception cref="ArgumentException">When the list is empty (KQL has no empty list literal).</exception>
    public static string StringList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var literals = values.Select(String).ToList();
        if (literals.Count == 0)
        {
            throw new ArgumentException("Expected at least one value for an 'in' list; received none.", nameof(values));
        }
        return "(" + string.Join(", ", literals) + ")";
    }

    /// <summary>A <c>datetime(...)</c> literal of the UTC instant, 100 ns precision, e.g. <c>datetime(2024-01-01T00:00:00.0000000Z)</c>.</summary>
    public static string DateTime(DateTimeOffset value) =>
        "datetime(" + value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + ")";

    /// <summary>An integer literal, e.g. <c>long(42)</c>.</summary>
    public static string Long(long value) => "long(" + value.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>Checks a table or column name: a letter or '_' then letters, digits or '_', at most 1024 characters.</summary>
    /// <returns>The name, unchanged.</returns>
    /// <exception cref="ArgumentException">Otherwise, with the name received.</exception>
    public static string Identifier(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException(
                "A KQL name has a letter or '_' first, then letters, digits or '_' (at most 1024); "
                + $"received '{name}'.", nameof(name));
        }
        return name;
    }

    private static bool NeedsEncoding(char character) =>
        character is not ('\t' or '\n' or '\r') && (char.IsControl(character) || character is '\u2028' or '\u2029' or '\uFEFF');

    private static void CheckWellFormed(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(value[index]))
            {
                throw new ArgumentException(
                    $"Expected well-formed Unicode text; received a lone surrogate at index {index}.", nameof(value));
            }
        }
    }
}
