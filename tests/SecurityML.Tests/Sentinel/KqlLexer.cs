using System.Text;

namespace SecurityML.Tests.Sentinel;

/// <summary>A token of <see cref="KqlLexer"/>: a string literal (with its decoded value) or any other token.</summary>
internal sealed record KqlToken(bool IsString, string Text);

/// <summary>
/// An independent lexer for the parts of KQL that matter for injection, written from the language documentation:
/// '...' and "..." literals with backslash escapes (a raw line break ends nothing: it is an error), @"..." verbatim
/// literals with doubled quotes, // comments, identifiers, numbers and punctuation. A base64_decode_tostring("...")
/// call is folded into one string token holding the decoded text.
/// </summary>
internal static class KqlLexer
{
    public static List<KqlToken> Lex(string text)
    {
        var tokens = new List<KqlToken>();
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (char.IsWhiteSpace(character))
            {
                index++;
            }
            else if (character == '/' && index + 1 < text.Length && text[index + 1] == '/')
            {
                tokens.Add(new KqlToken(false, "//COMMENT"));
                while (index < text.Length && text[index] != '\n') index++;
            }
            else if (character is '"' or '\'')
            {
                tokens.Add(new KqlToken(true, ReadQuoted(text, ref index)));
            }
            else if (character == '@' && index + 1 < text.Length && text[index + 1] is '"' or '\'')
            {
                index++;
                tokens.Add(new KqlToken(true, ReadVerbatim(text, ref index)));
            }
            else if (char.IsLetterOrDigit(character) || character == '_')
            {
                var start = index;
                while (index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] is '_' or '.')) index++;
                tokens.Add(new KqlToken(false, text[start..index]));
            }
            else
            {
                tokens.Add(new KqlToken(false, character.ToString()));
                index++;
            }
        }
        return FoldBase64(tokens);
    }

    private static string ReadQuoted(string text, ref int index)
    {
        var quote = text[index++];
        var value = new StringBuilder();
        while (true)
        {
            if (index >= text.Length) throw new FormatException("Unterminated string literal.");
            var character = text[index++];
            if (character == quote) return value.ToString();
            if (character is '\n' or '\r') throw new FormatException("Line break inside a string literal.");
            if (character != '\\')
            {
                value.Append(character);
                continue;
            }
            if (index >= text.Length) throw new FormatException("Dangling backslash.");
            var escaped = text[index++];
            value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
        }
    }

    private static string ReadVerbatim(string text, ref int index)
    {
        var quote = text[index++];
        var value = new StringBuilder();
        while (true)
        {
            if (index >= text.Length) throw new FormatException("Unterminated verbatim literal.");
            var character = text[index++];
            if (character == quote)
            {
                if (index < text.Length && text[index] == quote)
                {
                    value.Append(quote);
                    index++;
                    continue;
                }
                return value.ToString();
            }
            value.Append(character);
        }
    }

    private static List<KqlToken> FoldBase64(List<KqlToken> tokens)
    {
        var folded = new List<KqlToken>();
        for (var index = 0; index < tokens.Count; index++)
        {
            if (!tokens[index].IsString && tokens[index].Text == "base64_decode_tostring" && index + 3 < tokens.Count
                && tokens[index + 1].Text == "(" && tokens[index + 2].IsString && tokens[index + 3].Text == ")")
            {
                folded.Add(new KqlToken(true, Encoding.UTF8.GetString(Convert.FromBase64String(tokens[index + 2].Text))));
                index += 3;
                continue;
            }
            folded.Add(tokens[index]);
        }
        return folded;
    }
}
