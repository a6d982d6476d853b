using SecurityML.Results;

namespace SecurityML.Sentinel;

/// <summary>
/// Writes results to custom Log Analytics tables through the Logs Ingestion API (see
/// <see cref="LogsIngestionClient"/>): table <c>X_CL</c> goes to the DCR stream named in the config, by default
/// <c>Custom-X_CL</c>. Analytics rules in Sentinel can then raise incidents on the rows. Unlike
/// <see cref="LocalResultsSink"/>, a failed write leaves the rows already accepted in the table. A write either stores
/// every row or throws a <see cref="LogsIngestionException"/> — also when the service rejected only some rows — which
/// lists the rejected rows and where to resume
/// (<see cref="WriteAsync{T}(string, IEnumerable{T}, LogsUploadOptions?, CancellationToken)"/> with its
/// <see cref="LogsIngestionException.ResumeIndex"/>). Rows carry <see cref="LogsIngestionClient.RowIdColumnName"/>.
/// </summary>
public sealed class LogAnalyticsResultsSink : IResultsSink
{
    /// <summary>Creates the sink.</summary>
    /// <param name="client">The ingestion client for the data collection endpoint.</param>
    /// <param name="ruleId">The DCR's immutable id, <c>dcr-...</c>.</param>
    /// <param name="streams">Table name → stream name; tables not listed use <c>Custom-{table}</c>. Null for
    /// none.</param>
    /// <param name="rules">Table name → immutable id of the rule holding its stream; tables not listed use
    /// <paramref name="ruleId"/>. Null for none (<c>secml dcr</c> splits the tables over two rules).</param>
    public LogAnalyticsResultsSink(
        LogsIngestionClient client,
        string ruleId,
        IReadOnlyDictionary<string, string>? streams = null,
        IReadOnlyDictionary<string, string>? rules = null
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        Client = client;
        RuleId = ruleId;
        Streams = streams is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(streams, StringComparer.OrdinalIgnoreCase);
        Rules = rules is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(rules, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ingestion client.</summary>
    public LogsIngestionClient Client { get; }

    /// <summary>The DCR's immutable id.</summary>
    public string RuleId { get; }

    /// <summary>Table name → stream name overrides.</summary>
    public IReadOnlyDictionary<string, string> Streams { get; }

    /// <summary>Table name → rule id overrides.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; }

    /// <summary>The immutable id of the data collection rule a table is sent through.</summary>
    /// <exception cref="ArgumentException">When the table name is not a valid Log Analytics table name.</exception>
    public string RuleOf(string tableName) =>
        Rules.TryGetValue(LocalResultsSink.CheckedTableName(tableName), out var rule) ? rule : RuleId;

    /// <summary>The stream a table is sent to.</summary>
    /// <exception cref="ArgumentException">When the table name is not a valid Log Analytics table name.</exception>
    public string StreamOf(string tableName) =>
        Streams.TryGetValue(LocalResultsSink.CheckedTableName(tableName), out var stream)
            ? stream
            : "Custom-" + tableName;

    /// <inheritdoc />
    /// <exception cref="LogsIngestionException">When any row is not stored (rejected by the service, or the upload
    /// stopped part-way); it accounts for every row and says where to resume.</exception>
    public Task<ResultsWriteSummary> WriteAsync<T>(
        string tableName,
        IEnumerable<T> rows,
        CancellationToken cancellationToken = default
    ) => WriteAsync(tableName, rows, null, cancellationToken);

    /// <summary>Writes <paramref name="rows"/> to the table's stream from <see cref="LogsUploadOptions.StartIndex"/>
    /// on: pass the same rows and a failed write's <see cref="LogsIngestionException.ResumeIndex"/> to finish
    /// it.</summary>
    /// <param name="tableName">The table, e.g. <c>AnomalousResourceAccessResult_CL</c>.</param>
    /// <param name="rows">The rows; property names are the columns.</param>
    /// <param name="options">The start index; null for 0.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The rows stored by this call and the stream's address.</returns>
    /// <exception cref="ArgumentException">When the table name is not a valid Log Analytics table name.</exception>
    /// <exception cref="LogsIngestionException">When any row is not stored; see
    /// <see cref="LogsIngestionClient"/>.</exception>
    public async Task<ResultsWriteSummary> WriteAsync<T>(
        string tableName,
        IEnumerable<T> rows,
        LogsUploadOptions? options,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        var stream = StreamOf(tableName);
        var rule = RuleOf(tableName);
        var response = await Client.UploadAsync(rule, stream, rows, options, cancellationToken).ConfigureAwait(false);
        var destination =
            Client.Endpoint.AbsoluteUri.TrimEnd('/') + "/dataCollectionRules/" + rule + "/streams/" + stream;
        return new ResultsWriteSummary(tableName, response.Value.RowCount, destination);
    }
}
