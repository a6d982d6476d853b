namespace SecurityML.Data;

/// <summary>
/// Gets data sets by name and time range, whatever the source (in the spirit of msticpy's <c>QueryProvider</c>).
/// Notebooks call the named shortcuts (<see cref="Logons"/>, ...) or <see cref="Query{T}(DataSet{T}, TimeRange)"/>;
/// <see cref="Local"/> reads a folder such as <c>sample-data/</c>. Another source (Log Analytics) derives from this
/// class and overrides <see cref="QueryAsync{T}"/>, so notebooks do not change when the source does.
/// </summary>
public abstract class QueryProvider
{
    /// <summary>A provider reading the files of a local folder (see <see cref="LocalDataProvider"/>).</summary>
    /// <param name="folder">The folder, e.g. <c>../sample-data</c>.</param>
    /// <param name="lenientReport">Null for strict reading; a report to skip bad rows and record them there.</param>
    /// <param name="options">Encoding, line-length limit and timestamp format; null for the defaults (UTF-8, ISO
    /// 8601).</param>
    public static LocalDataProvider Local(
        string folder,
        LoadReport? lenientReport = null,
        DataReadOptions? options = null
    ) => new(folder, lenientReport, options);

    /// <summary>Streams the rows of <paramref name="dataSet"/> whose time is in <paramref name="range"/>.</summary>
    /// <param name="dataSet">Which data set, e.g. <see cref="DataSets.Logons"/>.</param>
    /// <param name="range">The half-open time range; data without time is returned whole.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public abstract IAsyncEnumerable<T> QueryAsync<T>(
        DataSet<T> dataSet,
        TimeRange range,
        CancellationToken cancellationToken = default
    )
        where T : class;

    /// <summary>Streams the rows in <paramref name="range"/> lazily; for millions of rows, aggregate this
    /// stream.</summary>
    /// <remarks>The base implementation waits on <see cref="QueryAsync{T}"/>; sources that can read synchronously
    /// override it.</remarks>
    public virtual IEnumerable<T> Query<T>(DataSet<T> dataSet, TimeRange range)
        where T : class => QueryAsync(dataSet, range).ToBlockingEnumerable();

    /// <summary>Streams the rows of the data set called <paramref name="dataSetName"/> (see
    /// <see cref="DataSets.Find"/>).</summary>
    /// <exception cref="ArgumentException">When the name is unknown or its rows are not
    /// <typeparamref name="T"/>.</exception>
    public IEnumerable<T> Query<T>(string dataSetName, TimeRange range)
        where T : class =>
        DataSets.Find(dataSetName) is DataSet<T> dataSet
            ? Query(dataSet, range)
            : throw new ArgumentException(
                $"Data set '{dataSetName}' holds {DataSets.Find(dataSetName).RecordType.Name} rows, not "
                    + $"{typeof(T).Name}.",
                nameof(dataSetName)
            );

    /// <summary>Reads the rows in <paramref name="range"/> into a list.</summary>
    public IReadOnlyList<T> Load<T>(DataSet<T> dataSet, TimeRange range)
        where T : class => Query(dataSet, range).ToList();

    /// <summary>Reads the rows in <paramref name="range"/> into a list, asynchronously.</summary>
    public async Task<IReadOnlyList<T>> LoadAsync<T>(
        DataSet<T> dataSet,
        TimeRange range,
        CancellationToken cancellationToken = default
    )
        where T : class
    {
        var rows = new List<T>();
        await foreach (var row in QueryAsync(dataSet, range, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Network logons and failures (4624/4625) from <paramref name="start"/> (inclusive, default: all) to
    /// <paramref name="end"/> (exclusive, default: all).</summary>
    public IReadOnlyList<LogonEvent> Logons(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.Logons, TimeRange.Between(start, end));

    /// <summary>Network share accesses (5140) in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<FileShareAccessEvent> FileShareAccess(
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    ) => Load(DataSets.FileShareAccess, TimeRange.Between(start, end));

    /// <summary>Hourly outbound bytes in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<HourlyOutboundBytes> OutboundBytes(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.OutboundBytes, TimeRange.Between(start, end));

    /// <summary>Process creations (4688) in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<ProcessCreationEvent> ProcessCreation(
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    ) => Load(DataSets.ProcessCreation, TimeRange.Between(start, end));

    /// <summary>Exchange admin operations in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<OfficeActivityEvent> ExchangeAdmin(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.ExchangeAdmin, TimeRange.Between(start, end));

    /// <summary>Sign-in user–IP pairs in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<SignInEvent> SignIns(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.SignIns, TimeRange.Between(start, end));

    /// <summary>OCSF Network Activity events in [<paramref name="start"/>, <paramref name="end"/>); null ends are
    /// open.</summary>
    public IReadOnlyList<OcsfNetworkActivity> NetworkActivity(
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    ) => Load(DataSets.NetworkActivity, TimeRange.Between(start, end));

    /// <summary>Security alerts (one row per alert and account) in [<paramref name="start"/>, <paramref name="end"/>);
    /// null ends are open.</summary>
    public IReadOnlyList<SecurityAlert> SecurityAlerts(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.SecurityAlerts, TimeRange.Between(start, end));

    /// <summary>Hunting bookmarks (one row per bookmark and account) in [<paramref name="start"/>,
    /// <paramref name="end"/>); null ends are open.</summary>
    public IReadOnlyList<HuntingBookmark> HuntingBookmarks(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(DataSets.HuntingBookmarks, TimeRange.Between(start, end));

    /// <summary>The whole user directory.</summary>
    public IReadOnlyList<UserDirectoryEntry> UserDirectory() => Load(DataSets.UserDirectory, TimeRange.All);

    /// <summary>Every planted-anomaly label of <paramref name="dataSet"/>, e.g.
    /// <c>Labels(DataSets.Logons)</c>.</summary>
    public IReadOnlyList<AnomalyLabel> Labels(DataSet dataSet) => Load(DataSets.LabelsOf(dataSet), TimeRange.All);

    /// <summary>
    /// The planted-anomaly labels of <paramref name="dataSet"/>, or an empty list when there is no labels file (real
    /// data has none): for charts and checks that show planted anomalies only when they are known.
    /// </summary>
    public IReadOnlyList<AnomalyLabel> LabelsIfAny(DataSet dataSet)
    {
        try
        {
            return Labels(dataSet);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or NotSupportedException)
        {
            return [];
        }
    }
}
