using System.Globalization;
using System.Text.Json;
using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>
/// Exports a long time range of a data set to local files for training. The range is cut into chunks (default one
/// day) with half-open time filters, so no row falls in two chunks; a chunk that hits the service limits (500,000 rows
/// or ~64 MB, or a truncated result) is split in halves until it fits. Each chunk is written to a temporary file and
/// renamed when complete, so after a failure a second run with the same arguments queries only the missing chunks and
/// never duplicates a row. A chunk file is written only from a complete result: a result truncated at the limits
/// (<see cref="LogAnalyticsQueryResult.IsTruncated"/>) is split, any other partial result is queried again (up to
/// <see cref="LogAnalyticsExportOptions.MaximumPartialRetries"/> times) and otherwise fails the export naming the
/// chunk. A query that is not filtered by time (<see cref="SentinelQuery.IsTimeFiltered"/> false, e.g. the user
/// directory with its own 14-day lookback) is exported once, whole, with no <c>timespan</c>. When all chunks are there
/// they are merged into <c>{folder}/{DataSet.FileName}</c>, which <c>QueryProvider.Local(folder)</c> reads like the
/// demo data.
/// </summary>
public class LogAnalyticsExporter
{
    private const string ManifestName = "export.json";

    /// <summary>The chunk folder format: "2" since chunks are written only from complete results.</summary>
    private const string FolderFormat = "2";

    /// <summary>Creates an exporter.</summary>
    /// <param name="provider">The workspace provider (client, workspace id, filters).</param>
    /// <param name="options">Chunking options; null for the service limits and one-day chunks.</param>
    public LogAnalyticsExporter(LogAnalyticsQueryProvider provider, LogAnalyticsExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        Options = options ?? new LogAnalyticsExportOptions();
        Options.Check();
    }

    /// <summary>The workspace provider.</summary>
    public LogAnalyticsQueryProvider Provider { get; }

    /// <summary>The chunking options.</summary>
    public LogAnalyticsExportOptions Options { get; }

    /// <summary>Exports <paramref name="range"/> of <paramref name="dataSet"/> to <paramref name="folder"/>, resuming
    /// an earlier incomplete export of the same data set, range and chunking there.</summary>
    /// <exception cref="ArgumentException">When the range is unbounded, or the folder holds an export with other
    /// arguments.</exception>
    /// <exception cref="InvalidOperationException">When a chunk of
    /// <see cref="LogAnalyticsExportOptions.MinimumChunkDuration"/> (or a query not filtered by time) still exceeds the
    /// limits, or a chunk stays partial after <see cref="LogAnalyticsExportOptions.MaximumPartialRetries"/>; the
    /// message names the chunk, completed chunks are kept.</exception>
    /// <exception cref="Azure.RequestFailedException">When the service fails after retries; the message names the
    /// chunk, completed chunks are kept.</exception>
    public async Task<LogAnalyticsExportSummary> ExportAsync<T>(
        DataSet<T> dataSet,
        TimeRange range,
        string folder,
        IProgress<LogAnalyticsExportProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
        where T : class
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (range.Start == DateTimeOffset.MinValue || range.End == DateTimeOffset.MaxValue)
        {
            throw new ArgumentException($"An export needs a bounded time range; received {range}.", nameof(range));
        }
        var chunkFolder = Path.Combine(folder, dataSet.Name + ".chunks");
        Directory.CreateDirectory(chunkFolder);
        CheckManifest(chunkFolder, folder, dataSet, range);
        var timeFiltered = SentinelQueries.For(dataSet).IsTimeFiltered;
        var run = new ExportRun<T>(this, dataSet, timeFiltered, chunkFolder, progress, cancellationToken);
        if (!timeFiltered)
        {
            await run.ExportChunkAsync(range).ConfigureAwait(false);
        }
        for (var start = range.Start; timeFiltered && start < range.End; start += Options.ChunkDuration)
        {
            var end = range.End - start > Options.ChunkDuration ? start + Options.ChunkDuration : range.End;
            await run.ExportChunkAsync(new TimeRange(start, end)).ConfigureAwait(false);
        }
        var path = Path.Combine(folder, dataSet.FileName);
        var rows = ChunkFiles.Merge<T>(chunkFolder, range, path);
        return new LogAnalyticsExportSummary(path, rows, run.Queried, run.Reused, run.Splits);
    }

    internal async Task<LogAnalyticsQueryResult> QueryChunkAsync(
        DataSet dataSet,
        TimeRange chunk,
        CancellationToken cancellationToken
    )
    {
        var query = SentinelQueries.For(dataSet);
        var options = new LogAnalyticsQueryOptions
        {
            ServerTimeout = Provider.QueryOptions.ServerTimeout,
            AllowPartialErrors = true,
        };
        var response = await Provider
            .Client.QueryWorkspaceAsync(
                Provider.WorkspaceId,
                query.Build(chunk, Provider.Filter),
                query.IsTimeFiltered ? chunk : null,
                options,
                cancellationToken
            )
            .ConfigureAwait(false);
        return response.Value;
    }

    internal bool IsTooLarge(LogAnalyticsQueryResult result) =>
        result.IsTruncated
        || (result.Error is null && result.Tables.Count > 0 && result.Table.Rows.Count >= Options.MaximumRowsPerChunk)
        || result.ResponseBytes >= Options.MaximumBytesPerChunk;

    private void CheckManifest(string chunkFolder, string folder, DataSet dataSet, TimeRange range)
    {
        var manifest = new Dictionary<string, string>
        {
            ["format"] = FolderFormat,
            ["dataSet"] = dataSet.Name,
            ["start"] = range.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["end"] = range.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["chunkDuration"] = Options.ChunkDuration.ToString("c", CultureInfo.InvariantCulture),
            ["query"] = SentinelQueries.For(dataSet).Build(TimeRange.All, Provider.Filter),
        };
        var path = Path.Combine(chunkFolder, ManifestName);
        var text = JsonSerializer.Serialize(manifest);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path);
            if (!existing.Contains("\"format\":\"" + FolderFormat + "\"", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"'{chunkFolder}' holds an export written by an earlier version, which could keep partial "
                        + $"chunks as "
                        + "complete; delete that folder and export again.",
                    nameof(folder)
                );
            }
            if (existing != text)
            {
                throw new ArgumentException(
                    $"'{chunkFolder}' holds an export with other arguments (data set, range, chunk length or filters); "
                        + $"expected {text}; export to a new folder or delete that one.",
                    nameof(range)
                );
            }
            return;
        }
        File.WriteAllText(path, text);
    }
}
