using SecurityML.Sentinel;

namespace SecurityML.Results;

/// <summary>Creates the results sink a notebook's <c>source</c> parameter asks for.</summary>
public static class ResultsSinks
{
    /// <summary><c>local</c>: a <see cref="LocalResultsSink"/> on <paramref name="outputDir"/>; <c>sentinel</c>: the Logs
    /// Ingestion sink of the workspace config (<paramref name="workspaceConfigPath"/>; null or empty:
    /// <c>SECML_WORKSPACE_CONFIG</c>, else environment variables only). Other files a notebook saves (models, charts)
    /// still go to <paramref name="outputDir"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="source"/> is neither.</exception>
    public static IResultsSink Create(string source, string outputDir, string? workspaceConfigPath = null) =>
        DataSourceKind.IsSentinel(source)
            ? SentinelConnection.FromConfigFile(workspaceConfigPath).CreateResultsSink()
            : new LocalResultsSink(outputDir);

    /// <summary>As <see cref="Create(string, string, string?)"/>, with a ready connection for <c>sentinel</c>.</summary>
    public static IResultsSink Create(string source, string outputDir, SentinelConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return DataSourceKind.IsSentinel(source) ? connection.CreateResultsSink() : new LocalResultsSink(outputDir);
    }
}
