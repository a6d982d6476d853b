using System.Diagnostics.CodeAnalysis;

namespace SecurityML.Sentinel;

/// <summary>
/// The secrets this process holds for Azure sign-in (every bearer token the library's clients sent, the client secret
/// and <c>SECML_ACCESS_TOKEN</c>), and <see cref="Redact"/>, which removes them from any text before it reaches a user:
/// exception messages, service messages, notebook outputs, reports and logs. Service answers are scrubbed as they
/// arrive, so a server that echoes the <c>Authorization</c> header never puts the token in an exception.
/// </summary>
public static class SecretRedaction
{
    /// <summary>What a secret is replaced with: <c>[redacted]</c>.</summary>
    public const string Replacement = "[redacted]";

    /// <summary>Secrets shorter than this (8 characters) are not registered: redacting them would mangle ordinary
    /// text.</summary>
    public const int MinimumSecretLength = 8;

    /// <summary>The most secrets remembered: 4,096, the oldest forgotten first beyond that. A process holds a handful
    /// of live secrets (the client secret, <c>SECML_ACCESS_TOKEN</c>, a bearer token per credential and hour: the token
    /// policy caches each until it nearly expires), so the bound only stops a runaway; a secret still in use is
    /// registered again on every request and so is never the oldest for long.</summary>
    public const int Capacity = 4096;

    private static readonly List<string> Secrets = [];
    private static readonly HashSet<string> Pinned = new(StringComparer.Ordinal);

    /// <summary>Replaces every registered secret in <paramref name="text"/> with <see cref="Replacement"/>; null stays
    /// null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var secret in Snapshot())
        {
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>True when <paramref name="text"/> holds a registered secret.</summary>
    public static bool ContainsSecret(string? text) =>
        !string.IsNullOrEmpty(text) && Snapshot().Any(secret => text.Contains(secret, StringComparison.Ordinal));

    /// <summary>Remembers a secret so that <see cref="Redact"/> removes it; null, blank and short values are ignored. A
    /// pinned secret (the client secret, <c>SECML_ACCESS_TOKEN</c>) is never forgotten; the others (bearer tokens seen
    /// on the wire) are kept most recently registered last, and only the least recently registered beyond
    /// <see cref="Capacity"/> is forgotten.</summary>
    internal static void Register(string? secret, bool pin = false)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumSecretLength)
        {
            return;
        }
        lock (Secrets)
        {
            if (pin)
            {
                Pinned.Add(secret);
                Secrets.Remove(secret);
                return;
            }
            if (Pinned.Contains(secret))
            {
                return;
            }
            Secrets.Remove(secret);
            if (Secrets.Count == Capacity)
            {
                Secrets.RemoveAt(0);
            }
            Secrets.Add(secret);
        }
    }

    internal static IReadOnlyList<string> Snapshot()
    {
        lock (Secrets)
        {
            // Longest first, so a secret containing another is replaced whole.
            return Secrets.Concat(Pinned).OrderByDescending(secret => secret.Length).ToList();
        }
    }

    /// <summary>The first control character (below U+0020, or U+007F) of a token, described without showing the token —
    /// <c>a control character (code 13 at position 40 of 41)</c> — or null when it has none. The one check of every
    /// token before it is used or sent.</summary>
    internal static string? DescribeControlCharacter(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] < ' ' || value[index] == '\u007f')
            {
                return $"a control character (code {(int)value[index]} at position {index} of {value.Length})";
            }
        }
        return null;
    }
}
