using System.Runtime.CompilerServices;
using SecurityML.Data;
using SecurityML.Features.Logons;

namespace SecurityML.Sentinel;

/// <summary>
/// A <see cref="QueryProvider"/> over a Log Analytics (Microsoft Sentinel) workspace: each data set runs its named
/// query (<see cref="SentinelQueries"/>) and its rows parse into the same records the local provider returns, so
/// notebooks do not change when the source does. A partial result (truncated at the service limits) throws: query a
/// shorter range, or export long ranges with <see cref="LogAnalyticsExporter"/>. Data sets a workspace does not hold
/// (planted-anomaly labels, OCSF network activity) come from <see cref="LocalDataFolder"/> when it is set.
/// </summary>
public class LogAnalyticsQueryProvider : QueryProvider
{
    /// <summary>Creates a provider.</summary>
    /// <param name="client">The query client.</param>
    /// <param name="workspaceId">The workspace id (a GUID).</param>
    /// <param name="filter">Optional account/computer filters applied in the workspace; null for none.</param>
    public LogAnalyticsQueryProvider(
        LogAnalyticsQueryClient client,
        string workspaceId,
        SentinelQueryFilter? filter = null
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);
        Client = client;
        WorkspaceId = workspaceId;
        Filter = filter ?? SentinelQueryFilter.None;
    }

    /// <summary>The query client.</summary>
    public LogAnalyticsQueryClient Client { get; }

    /// <summary>The workspace queried.</summary>
    public string WorkspaceId { get; }

    /// <summary>The filters applied to every query.</summary>
    public SentinelQueryFilter Filter { get; }

    /// <summary>The folder read, as <see cref="LocalDataProvider"/> does, for data sets that have no Sentinel query
    /// (<see cref="SentinelQueries.Has"/>): the planted-anomaly labels (or your own labelled incidents in the same
    /// format) and OCSF network activity. Null (default): those data sets throw <see cref="NotSupportedException"/>.
    /// <see cref="Workspace"/> sets it to the notebook's <c>dataFolder</c>.</summary>
    public string? LocalDataFolder { get; init; }

    /// <summary>Options sent with every query (server timeout); partial results always throw here.</summary>
    public LogAnalyticsQueryOptions QueryOptions { get; init; } = new();

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">For data sets a workspace does not hold (OCSF, labels) when
    /// <see cref="LocalDataFolder"/> is null.</exception>
    /// <exception cref="Azure.RequestFailedException">When the service fails; the message says what to fix.</exception>
    public override async IAsyncEnumerable<T> QueryAsync<T>(
        DataSet<T> dataSet,
        TimeRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        if (LocalDataFolder is not null && !SentinelQueries.Has(dataSet))
        {
            await foreach (
                var row in Local(LocalDataFolder).QueryAsync(dataSet, range, cancellationToken).ConfigureAwait(false)
            )
            {
                yield return row;
            }
            yield break;
        }
        var table = await QueryTableAsync(dataSet, range, cancellationToken).ConfigureAwait(false);
        foreach (var record in LogAnalyticsRecordMapper<T>.Map(table))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    /// <summary>Logons aggregated in the workspace per day and account (see <see cref="LogonDailySummary"/>).</summary>
    public IReadOnlyList<LogonDailySummary> DailyLogons(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Load(LogonDailySummary.DataSet, TimeRange.Between(start, end));

    /// <summary>A provider over the same client, workspace, <see cref="LocalDataFolder"/> and
    /// <see cref="QueryOptions"/> with another filter, e.g. one account for a drill-down (a subclass's overrides are
    /// not carried over).</summary>
    /// <param name="filter">The filter of the new provider.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public LogAnalyticsQueryProvider WithFilter(SentinelQueryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new LogAnalyticsQueryProvider(Client, WorkspaceId, filter)
        {
            LocalDataFolder = LocalDataFolder,
            QueryOptions = QueryOptions,
        };
    }

    /// <summary>Runs the named query of <paramref name="dataSet"/> and returns the primary table as it came.</summary>
    public virtual async Task<LogAnalyticsTable> QueryTableAsync(
        DataSet dataSet,
        TimeRange range,
        CancellationToken cancellationToken = default
    )
    {
        var query = SentinelQueries.For(dataSet);
        var options = new LogAnalyticsQueryOptions
        {
            ServerTimeout = QueryOptions.ServerTimeout,
            AllowPartialErrors = false,
        };
        var response = await Client
            .QueryWorkspaceAsync(
                WorkspaceId,
                query.Build(range, Filter),
                query.IsTimeFiltered ? range : null,
                options,
                cancellationToken
            )
            .ConfigureAwait(false);
        return response.Value.Table;
    }
}
