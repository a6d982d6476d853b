namespace SecurityML.Sentinel;

/// <summary>Options of one query (see <see cref="LogAnalyticsQueryClient.QueryWorkspaceAsync"/>).</summary>
public class LogAnalyticsQueryOptions
{
    private TimeSpan? _serverTimeout;

    /// <summary>The server timeout of this query (<c>Prefer: wait=</c>); null (default) uses the client's
    /// <see cref="LogAnalyticsQueryClientOptions.ServerTimeout"/>. Range (0, 10 minutes].</summary>
    public TimeSpan? ServerTimeout
    {
        get => _serverTimeout;
        set => _serverTimeout = LogAnalyticsQueryClientOptions.CheckServerTimeout(value, nameof(ServerTimeout));
    }

    /// <summary>False (default): a partial result (the service ran out of time or memory, or truncated the result at
    /// 500,000 rows / 64 MB) throws <see cref="Azure.RequestFailedException"/>. True: it is returned with
    /// <see cref="LogAnalyticsQueryResult.Status"/> = <see cref="LogAnalyticsQueryResultStatus.PartialFailure"/> and
    /// the error in <see cref="LogAnalyticsQueryResult.Error"/>.</summary>
    public bool AllowPartialErrors { get; set; }
}
