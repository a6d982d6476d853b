using System.Text;
using System.Text.RegularExpressions;

namespace SecurityML.Features.CommandLine;

/// <summary>
/// Numeric features of strings (command lines, paths, user agents) with msticpy's definitions
/// (<c>msticpy.analysis.eventcluster</c>: <c>char_ord_score</c>, <c>token_count</c>, <c>delim_count</c>,
/// <c>delim_hash</c>, <c>crc32_hash</c>), so that values match what analysts get from msticpy. They let a
/// clustering algorithm group strings by shape (delimiters, length) rather than by exact content, so that command
/// lines differing only in a GUID or a timestamp fall together. For the sentence
/// <c>The quick &amp; sly (as all foxes might be/or not) fox, jumped over a frog.</c> they give 15 tokens, score
/// 6199, 20 delimiters, CRC-32 2011081507 and delimiter hash 2337396062.
/// </summary>
public static class CommandLineFeatures
{
    /// <summary>
    /// msticpy's delimiter class <c>[\s\-\\/\.,"'|&amp;:;%$()]</c>: white space, dash, back and forward slash, dot,
    /// comma, quotes, pipe, ampersand, colon, semicolon, percent, dollar and parentheses. Written for .NET with
    /// <c>\x1c-\x1f</c> added to <c>\s</c>, because Python's <c>\s</c> matches those four separators and .NET's does
    /// not.
    /// </summary>
    public const string DefaultDelimiterPattern = @"[\s\x1c-\x1f\-\\/\.,""'|&:;%$()]";

    /// <summary>The default token delimiter of <see cref="TokenCount"/>: one space.</summary>
    public const string DefaultTokenDelimiter = " ";

    private static readonly Regex DefaultDelimiters = new(
        DefaultDelimiterPattern,
        RegexOptions.CultureInvariant | RegexOptions.Compiled
    );

    /// <summary>
    /// The sum of the Unicode code points of <paramref name="value"/>, divided by <paramref name="scale"/> and
    /// floored (msticpy <c>char_ord_score</c>). Similar strings get similar scores; a larger scale reduces the
    /// feature's weight in clustering.
    /// </summary>
    /// <param name="value">The string; code points, not UTF-16 units, are summed (as Python's <c>ord</c>; a lone
    /// surrogate counts its own value, as in Python).</param>
    /// <param name="scale">The divisor, ≥ 1; default 1.</param>
    /// <returns>0 for an empty string; otherwise ⌊Σ code point / scale⌋.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is less than 1.</exception>
    public static long CharacterOrdinalScore(string value, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (scale < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(scale),
                scale,
                $"{nameof(scale)} must be at least 1; received {scale}."
            );
        }
        long sum = 0;
        for (int index = 0; index < value.Length; )
        {
            index += CodePointAt(value, index, out int codePoint);
            sum += codePoint;
        }
        return sum / scale;
    }

    /// <summary>
    /// The length of <paramref name="value"/> in Unicode code points, as Python's <c>len</c> (msticpy's
    /// <c>commandlineLen</c>): a character outside the Basic Multilingual Plane (an emoji, 𝕏) counts 1, not the 2
    /// UTF-16 units of <see cref="string.Length"/>; a lone surrogate counts 1, as in Python.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <returns>0 for an empty string; otherwise the number of code points.</returns>
    public static int CodePointLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int length = 0;
        for (int index = 0; index < value.Length; index += CodePointAt(value, index, out _))
            length++;
        return length;
    }

    /// <summary>The code point at <paramref name="index"/> as Python sees it: a surrogate pair is one code point, a
    /// lone surrogate is itself (Python strings may hold them; .NET's <see cref="Rune"/> would replace it by
    /// U+FFFD).</summary>
    /// <returns>The UTF-16 units it takes, 1 or 2.</returns>
    private static int CodePointAt(string value, int index, out int codePoint)
    {
        if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            codePoint = char.ConvertToUtf32(value[index], value[index + 1]);
            return 2;
        }
        codePoint = value[index];
        return 1;
    }

    /// <summary>
    /// The number of pieces <paramref name="value"/> splits into at <paramref name="delimiter"/> (msticpy
    /// <c>token_count</c>, Python's <c>len(value.split(delimiter))</c>): empty pieces count, so an empty string has 1
    /// token and two consecutive spaces add one.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <param name="delimiter">The separator, not empty; default one space.</param>
    /// <returns>At least 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is empty.</exception>
    public static int TokenCount(string value, string delimiter = DefaultTokenDelimiter)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        int count = 1;
        int position = value.IndexOf(delimiter, StringComparison.Ordinal);
        while (position >= 0)
        {
            count++;
            position = value.IndexOf(delimiter, position + delimiter.Length, StringComparison.Ordinal);
        }
        return count;
    }

    /// <summary>The number of delimiter characters in <paramref name="value"/> (msticpy <c>delim_count</c>; the
    /// process feature <c>commandlineTokensFull</c>).</summary>
    /// <param name="value">The string.</param>
    /// <param name="delimiterPattern">A .NET regular expression matching one delimiter;
    /// <see cref="DefaultDelimiterPattern"/> when null (custom patterns go through .NET's regular-expression
    /// cache).</param>
    /// <returns>The number of matches; 0 for an empty string.</returns>
    public static int DelimiterCount(string value, string? delimiterPattern = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return delimiterPattern is null
            ? DefaultDelimiters.Count(value)
            : Regex.Count(value, delimiterPattern, RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The CRC-32 of the delimiters of <paramref name="value"/>, concatenated in order and encoded as UTF-8 (msticpy
    /// <c>delim_hash</c>; the process feature <c>commandlineTokensHash</c>): command lines with the same punctuation
    /// skeleton share a hash. A category, not a magnitude: distances between hashes mean nothing.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <param name="delimiterPattern">As in <see cref="DelimiterCount"/>.</param>
    /// <returns>A value in [0, 2³²); 0 when there are no delimiters.</returns>
    public static uint DelimiterHash(string value, string? delimiterPattern = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var delimiters = new StringBuilder();
        Match match = delimiterPattern is null
            ? DefaultDelimiters.Match(value)
            : Regex.Match(value, delimiterPattern, RegexOptions.CultureInvariant);
        for (; match.Success; match = match.NextMatch())
        {
            delimiters.Append(match.ValueSpan);
        }
        return Crc32Hash(delimiters.ToString());
    }

    /// <summary>The CRC-32 (IEEE, as zlib and Python's <c>binascii.crc32</c>) of <paramref name="value"/> encoded as
    /// UTF-8 (msticpy <c>crc32_hash</c>; the process feature <c>pathHash</c>). A category, not a magnitude.</summary>
    /// <param name="value">The string.</param>
    /// <returns>A value in [0, 2³²); 0 for an empty string.</returns>
    public static uint Crc32Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Crc32.Compute(Encoding.UTF8.GetBytes(value));
    }
}
