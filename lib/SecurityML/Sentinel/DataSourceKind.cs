namespace SecurityML.Sentinel;

/// <summary>The values of a notebook's <c>source</c> parameter.</summary>
public static class DataSourceKind
{
    /// <summary>Local files: the demo data or an exported folder (the default).</summary>
    public const string Local = "local";

    /// <summary>A Microsoft Sentinel / Log Analytics workspace.</summary>
    public const string Sentinel = "sentinel";

    /// <summary>True for <see cref="Sentinel"/>, false for <see cref="Local"/> (case-insensitive, trimmed).</summary>
    /// <exception cref="ArgumentException">For anything else, with the value received.</exception>
    public static bool IsSentinel(string source) =>
        source?.Trim().ToLowerInvariant() switch
        {
            Local => false,
            Sentinel => true,
            _ => throw new ArgumentException(
                $"Unknown source; expected '{Local}' or '{Sentinel}', received '{source}'.",
                nameof(source)
            ),
        };
}
