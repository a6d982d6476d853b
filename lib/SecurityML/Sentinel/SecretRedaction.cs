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

    /// <summary>Secrets shorter than this (8 characters) are not registered: redacting them would mangle ordinary text.</summary>
    public const int MinimumSecretLength = 8;

    /// <summary>The most secrets remembered (the oldest are forgotten first): 64.</summary>
    public const int Capacity = 64;

    private static readonly List<string> Secrets = [];

    /// <summary>Replaces every registered secret in <paramref name="text"/> with <see cref="Replacement"/>; null stays null.</summary>
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

    /// <summary>Remembers a secret so that <see cref="Redact"/> removes it; null, blank and short values are ignored.</summary>
    internal static void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumSecretLength)
        {
            return;
        }
        lock (Secrets)
        {
            if (Secrets.Contains(secret))
            {
                return;
            }
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
            return Secrets.OrderByDescending(secret => secret.Length).ToList();
        }
    }

    /// <summary>The position of the first control character (below U+0020, or U+007F) in <paramref name="value"/>; -1 when none.</summary>
    internal static int IndexOfControlCharacter(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] < ' ' || value[index] == '\u007f')
            {
                return index;
            }
        }
        return -1;
    }
}
