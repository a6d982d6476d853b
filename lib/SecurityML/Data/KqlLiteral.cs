using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SecurityML.Data;

/// <summary>
/// Turns values into KQL literals so that a value can never change the query around it (no injection): strings become
/// double-quoted literals escaping <c>\</c>, <c>"</c>, tab, line feed and carriage return, the escapes the KQL string
/// type documents; a string holding any other control or line-separator character is sent instead as
/// <c>base64_decode_tostring("...")</c>, whose base64 alphabet cannot close a literal. Times become
/// <c>datetime(...)</c> in UTC; table and column names are used bare only when they cannot be a keyword,
/// quoted as <c>['...']</c> otherwise, and refused when no quoting can hold them (<see cref="Name"/>).
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
            builder.Append(
                character switch
                {
                    '\\' => @"\\",
                    '"' => "\\\"",
                    '\t' => @"\t",
                    '\n' => @"\n",
                    '\r' => @"\r",
                    _ => character.ToString(),
                }
            );
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

    /// <summary>A <c>datetime(...)</c> literal of the UTC instant, 100 ns precision, e.g.
    /// <c>datetime(2024-01-01T00:00:00.0000000Z)</c>.</summary>
    public static string DateTime(DateTimeOffset value) =>
        "datetime(" + value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + ")";

    /// <summary>An integer literal, e.g. <c>long(42)</c>.</summary>
    public static string Long(long value) => "long(" + value.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>Checks a name that KQL takes as it is (no quoting): an ASCII capital letter first, then ASCII letters,
    /// digits or '_', at most 1024 characters, e.g. <c>SecurityEvent</c>. The capital first letter is the convention
    /// the KQL documentation gives for names that can never collide with a keyword (all keywords start
    /// otherwise).</summary>
    /// <param name="name">The table or column name.</param>
    /// <param name="parameterName">The caller's parameter, named in the error; defaults to the argument's
    /// expression.</param>
    /// <returns>The name, unchanged.</returns>
    /// <exception cref="ArgumentException">Otherwise, naming the parameter and the value received (use
    /// <see cref="Name"/> to quote other names).</exception>
    public static string Identifier(string name, [CallerArgumentExpression(nameof(name))] string? parameterName = null)
    {
        if (!IsBare(name))
        {
            throw new ArgumentException(
                "Expected a KQL name usable without quotes: an ASCII capital letter first, then letters, digits or '_' "
                    + $"(at most {MaximumNameLength}); received {Visible(name)}. KqlLiteral.Name quotes other names.",
                parameterName
            );
        }
        return name;
    }

    /// <summary>A table or column reference for <paramref name="name"/>: the name itself when <see cref="Identifier"/>
    /// accepts it (e.g. <c>TimeGenerated</c>), otherwise quoted as <c>['...']</c> with <c>'</c> and <c>\</c> escaped
    /// (e.g. <c>['Time\'x']</c>, <c>['event time']</c>, <c>['where']</c>).</summary>
    /// <param name="name">The name; 1 to 1024 characters.</param>
    /// <param name="parameterName">The caller's parameter, named in the error; defaults to the argument's
    /// expression.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">When the name cannot be quoted: it is empty or longer than 1024 characters,
    /// or holds a control character (line feed, carriage return, tab, NUL, ...), a line or paragraph separator, an
    /// invisible formatting character (zero-width, bidirectional override, byte order mark) or a lone surrogate. No
    /// Kusto table or column can have such a name (names hold letters, digits, '_', space, '.' and '-'), and a raw line
    /// break would end the quoted name. The message names the parameter and shows the value with those characters
    /// escaped.</exception>
    public static string Name(string name, [CallerArgumentExpression(nameof(name))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (IsBare(name))
        {
            return name;
        }
        if (name.Length is 0 or > MaximumNameLength)
        {
            throw new ArgumentException(
                $"Expected a KQL table or column name of 1 to {MaximumNameLength} characters; received {Visible(name)} "
                    + $"({name.Length} characters).",
                parameterName
            );
        }
        if (UnquotableAt(name) is { } index)
        {
            throw new ArgumentException(
                $"Expected a KQL table or column name; U+{(int)name[index]:X4} at index {index} cannot be written "
                    + $"inside "
                    + $"['...'] (control, line-separator and invisible formatting characters, lone surrogates); "
                    + $"received {Visible(name)}.",
                parameterName
            );
        }
        var builder = new StringBuilder(name.Length + 6).Append("['");
        foreach (var character in name)
        {
            builder.Append(character is '\\' or '\'' ? "\\" + character : character.ToString());
        }
        return builder.Append("']").ToString();
    }

    private const int MaximumNameLength = 1024;

    private static bool IsBare(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaximumNameLength
        && char.IsAsciiLetterUpper(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static int? UnquotableAt(string name)
    {
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsHighSurrogate(character) && index + 1 < name.Length && char.IsLowSurrogate(name[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(character) || IsInvisible(character))
            {
                return index;
            }
        }
        return null;
    }

    /// <summary>The value as a C#-style quoted string with control and invisible characters escaped (\n, \u202E), so
    /// an error message shows exactly what was received and cannot itself be broken by it.</summary>
    private static string Visible(string? value)
    {
        if (value is null)
        {
            return "null";
        }
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            builder.Append(
                character switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    _ when char.IsSurrogate(character) || IsInvisible(character) => $"\\u{(int)character:X4}",
                    _ => character.ToString(),
                }
            );
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Control, line/paragraph separator and formatting (zero-width, bidirectional, byte order mark)
    /// characters.</summary>
    private static bool IsInvisible(char character) =>
        char.IsControl(character)
        || CharUnicodeInfo.GetUnicodeCategory(character)
            is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator;

    private static bool NeedsEncoding(char character) =>
        character is not ('\t' or '\n' or '\r')
        && (char.IsControl(character) || character is '\u2028' or '\u2029' or '\uFEFF');

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
                    $"Expected well-formed Unicode text; received a lone surrogate at index {index}.",
                    nameof(value)
                );
            }
        }
    }
}
