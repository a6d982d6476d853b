namespace SecurityML.Sentinel;

/// <summary>
/// The Log Analytics query endpoint and the token audiences of one Azure cloud (public or sovereign). The query
/// endpoint is also the query audience; the Logs Ingestion audience is the same for every data collection endpoint
/// of a cloud.
/// </summary>
/// <param name="Name">The cloud's name as in the workspace config file, e.g. <c>AzurePublicCloud</c>.</param>
/// <param name="QueryEndpoint">The Log Analytics query API, e.g. <c>https://api.loganalytics.io</c>.</param>
/// <param name="IngestionAudience">The Logs Ingestion token audience, e.g. <c>https://monitor.azure.com</c>.</param>
public sealed record AzureMonitorCloud(string Name, Uri QueryEndpoint, Uri IngestionAudience)
{
    /// <summary>Azure public cloud: <c>https://api.loganalytics.io</c> and <c>https://monitor.azure.com</c>.</summary>
    public static AzureMonitorCloud Public { get; } =
        new("AzurePublicCloud", new Uri("https://api.loganalytics.io"), new Uri("https://monitor.azure.com"));

    /// <summary>Azure operated by 21Vianet (China): <c>https://api.loganalytics.azure.cn</c>.</summary>
    public static AzureMonitorCloud China { get; } =
        new("AzureChinaCloud", new Uri("https://api.loganalytics.azure.cn"), new Uri("https://monitor.azure.cn"));

    /// <summary>Azure US Government: <c>https://api.loganalytics.us</c>.</summary>
    public static AzureMonitorCloud UsGovernment { get; } =
        new("AzureUSGovernment", new Uri("https://api.loganalytics.us"), new Uri("https://monitor.azure.us"));

    /// <summary>Every known cloud.</summary>
    public static IReadOnlyList<AzureMonitorCloud> All { get; } = [Public, China, UsGovernment];

    /// <summary>Finds a cloud by <see cref="Name"/> (case-insensitive); null or empty gives
    /// <see cref="Public"/>.</summary>
    /// <exception cref="ArgumentException">When the name is unknown; the message lists the known names.</exception>
    public static AzureMonitorCloud Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Public;
        }
        return All.FirstOrDefault(cloud => string.Equals(cloud.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown cloud; expected one of [{string.Join(", ", All.Select(cloud => cloud.Name))}], received "
                    + $"'{name}'.",
                nameof(name)
            );
    }

    /// <summary>The token scope of an audience: <c>{audience}/.default</c>, e.g.
    /// <c>https://monitor.azure.com//.default</c> (the double slash is what the service expects).</summary>
    public static string ScopeOf(Uri audience, bool keepTrailingSlash)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var text = audience.AbsoluteUri;
        return (keepTrailingSlash ? text : text.TrimEnd('/')) + "/.default";
    }
}
