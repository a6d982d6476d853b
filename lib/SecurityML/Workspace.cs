using SecurityML.Data;
using SecurityML.Results;
using SecurityML.Sentinel;

namespace SecurityML;

/// <summary>
/// Where a notebook's data comes from and where its results go, opened once from the notebook's parameters
/// (<c>source</c>, <c>dataFolder</c>, <c>outputDir</c>, <c>workspaceConfig</c>). Source <c>local</c> reads the files
/// of <see cref="DataFolder"/> and writes results under <see cref="OutputDirectory"/>; source <c>sentinel</c> loads the
/// workspace config and creates its credential once, when it opens (<see cref="Connection"/>), queries the Log
/// Analytics workspace and writes results through the Logs Ingestion API. The query provider and the results sink are
/// made from that one connection when first used, so a config that only allows queries (or only ingestion) opens fine.
/// </summary>
/// <example><code>
/// var workspace = Workspace.Open(source, dataFolder, outputDir, workspaceConfig);
/// var logons = workspace.QueryProvider.Logons(start, end);
/// await workspace.ResultsSink.WriteAsync("LogonScores", rows);
/// </code></example>
public sealed class Workspace
{
    private readonly Lazy<QueryProvider> _queryProvider;
    private readonly Lazy<IResultsSink> _resultsSink;

    private Workspace(string dataFolder, string outputDirectory, SentinelConnection? connection)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        DataFolder = dataFolder;
        OutputDirectory = outputDirectory;
        Connection = connection;
        _queryProvider = new(() =>
            connection is null
                ? QueryProvider.Local(dataFolder)
                : connection.CreateQueryProvider(localDataFolder: dataFolder)
        );
        _resultsSink = new(() =>
            connection is null ? new LocalResultsSink(outputDirectory) : connection.CreateResultsSink()
        );
    }

    /// <summary>The <c>source</c> this workspace was opened with: <see cref="DataSourceKind.Local"/> or
    /// <see cref="DataSourceKind.Sentinel"/>.</summary>
    public string Source => Connection is null ? DataSourceKind.Local : DataSourceKind.Sentinel;

    /// <summary>The local data folder (the notebook's <c>dataFolder</c>): every data set for source <c>local</c>; for
    /// <c>sentinel</c> only the data sets a workspace does not hold (planted-anomaly labels, OCSF).</summary>
    public string DataFolder { get; }

    /// <summary>The notebook's <c>outputDir</c>: local results, and the files a notebook saves itself (models,
    /// charts).</summary>
    public string OutputDirectory { get; }

    /// <summary>The workspace connection (settings, credential, client options) for source <c>sentinel</c>; null for
    /// <c>local</c>.</summary>
    public SentinelConnection? Connection { get; }

    /// <summary>The query provider: a <see cref="LocalDataProvider"/> on <see cref="DataFolder"/>, or a
    /// <see cref="LogAnalyticsQueryProvider"/> on the configured workspace (created on first use).</summary>
    /// <exception cref="InvalidOperationException">For <c>sentinel</c> when the config names no workspace
    /// id.</exception>
    public QueryProvider QueryProvider => _queryProvider.Value;

    /// <summary>The results sink: a <see cref="LocalResultsSink"/> on <see cref="OutputDirectory"/>, or a
    /// <see cref="LogAnalyticsResultsSink"/> on the configured data collection rule (created on first use).</summary>
    /// <exception cref="InvalidOperationException">For <c>sentinel</c> when the config names no data collection
    /// endpoint or rule.</exception>
    public IResultsSink ResultsSink => _resultsSink.Value;

    /// <summary>Opens the workspace a notebook's parameters ask for.</summary>
    /// <param name="source"><c>local</c> or <c>sentinel</c> (case-insensitive, trimmed).</param>
    /// <param name="dataFolder">The local data folder, e.g. <c>../sample-data</c>.</param>
    /// <param name="outputDirectory">The notebook's output folder, e.g. <c>../out/03-...</c>.</param>
    /// <param name="workspaceConfigPath">For <c>sentinel</c>: the workspace config file; null or empty:
    /// <c>SECML_WORKSPACE_CONFIG</c>, else environment variables only (see <see cref="WorkspaceConfig.Load"/>).
    /// Ignored for <c>local</c>.</param>
    /// <exception cref="ArgumentException">When <paramref name="source"/> is neither, or the config is
    /// invalid.</exception>
    public static Workspace Open(
        string source,
        string dataFolder,
        string outputDirectory,
        string? workspaceConfigPath = null
    ) =>
        new(
            dataFolder,
            outputDirectory,
            DataSourceKind.IsSentinel(source) ? SentinelConnection.FromConfigFile(workspaceConfigPath) : null
        );

    /// <summary>As <see cref="Open(string, string, string, string?)"/>, with a ready connection (your own credential or
    /// transport) used for <c>sentinel</c>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="source"/> is neither.</exception>
    public static Workspace Open(
        string source,
        string dataFolder,
        string outputDirectory,
        SentinelConnection connection
    )
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new(dataFolder, outputDirectory, DataSourceKind.IsSentinel(source) ? connection : null);
    }

    /// <summary>
    /// A file holding the rows of <paramref name="dataSet"/> in <paramref name="range"/>, with its planted-anomaly
    /// labels beside it as <c>{Name}.labels.csv</c>, for tools that score files (<c>secml score</c>'s path). For
    /// <c>local</c>, and for data sets a workspace does not hold, it is the file in <see cref="DataFolder"/> (whole);
    /// for <c>sentinel</c> the rows are queried through <see cref="QueryProvider"/> and written as CSV to
    /// <c>{OutputDirectory}/workspace-data/{FileName}</c>, the labels as the provider returns them (none: a header
    /// only).
    /// </summary>
    /// <param name="dataSet">The data set, e.g. <see cref="DataSets.SignIns"/>.</param>
    /// <param name="range">The time range queried from a workspace; <see cref="TimeRange.All"/> for everything.</param>
    /// <returns>The path of the data file.</returns>
    public string DataFile(DataSet dataSet, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        if (Connection is null || !SentinelQueries.Has(dataSet))
        {
            return Path.Combine(DataFolder, dataSet.FileName);
        }
        var folder = Directory.CreateDirectory(Path.Combine(OutputDirectory, "workspace-data")).FullName;
        var path = Path.Combine(folder, dataSet.FileName);
        dataSet.WriteCsv(QueryProvider, range, path);
        CsvDataFile.Write(
            Path.Combine(folder, DataSets.LabelsOf(dataSet).FileName),
            QueryProvider.LabelsIfAny(dataSet)
        );
        return path;
    }
}
