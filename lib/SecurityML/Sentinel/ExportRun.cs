using Azure;
using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>One run of <see cref="LogAnalyticsExporter.ExportAsync{T}"/>: queries missing chunks, splits the ones that
/// hit the limits, queries again the ones that came back partial for another reason, and counts what it did. A chunk
/// file is written (and so marked done) only from a complete result.</summary>
internal sealed class ExportRun<T>
    where T : class
{
    private readonly LogAnalyticsExporter _exporter;
    private readonly DataSet<T> _dataSet;
    private readonly bool _timeFiltered;
    private readonly string _chunkFolder;
    private readonly IProgress<LogAnalyticsExportProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly List<TimeRange> _completed;

    public ExportRun(
        LogAnalyticsExporter exporter,
        DataSet<T> dataSet,
        bool timeFiltered,
        string chunkFolder,
        IProgress<LogAnalyticsExportProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        _exporter = exporter;
        _dataSet = dataSet;
        _timeFiltered = timeFiltered;
        _chunkFolder = chunkFolder;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _completed = ChunkFiles.Completed(chunkFolder).ToList();
    }

    public int Queried { get; private set; }

    public int Reused { get; private set; }

    public int Splits { get; private set; }

    /// <summary>Exports one chunk: reuses it when complete, descends into halves done by an earlier run, otherwise
    /// queries it and splits it when the result is too large.</summary>
    public async Task ExportChunkAsync(TimeRange chunk)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_completed.Contains(chunk))
        {
            Reused++;
            _progress?.Report(new LogAnalyticsExportProgress(chunk, -1, Reused: true));
            return;
        }
        if (_timeFiltered && _completed.Any(done => done.Start >= chunk.Start && done.End <= chunk.End))
        {
            await SplitAsync(chunk, countSplit: false).ConfigureAwait(false);
            return;
        }
        var result = await QueryCompleteAsync(chunk).ConfigureAwait(false);
        if (result is null)
        {
            await SplitAsync(chunk, countSplit: true).ConfigureAwait(false);
            return;
        }
        var rows = ChunkFiles.Write(_chunkFolder, chunk, LogAnalyticsRecordMapper<T>.Map(result.Table));
        _completed.Add(chunk);
        _progress?.Report(new LogAnalyticsExportProgress(chunk, rows, Reused: false));
    }

    /// <summary>The complete result of a chunk; null when it hit the limits (split it). A partial result for another
    /// reason is queried again up to <see cref="LogAnalyticsExportOptions.MaximumPartialRetries"/> times, after
    /// <see cref="LogAnalyticsExportOptions.PartialRetryDelay"/> × the attempt number.</summary>
    /// <exception cref="InvalidOperationException">When the chunk stays partial; the message names it.</exception>
    private async Task<LogAnalyticsQueryResult?> QueryCompleteAsync(TimeRange chunk)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await QueryAsync(chunk).ConfigureAwait(false);
            if (_exporter.IsTooLarge(result))
            {
                return null;
            }
            if (result.Error is null)
            {
                return result;
            }
            if (attempt > _exporter.Options.MaximumPartialRetries)
            {
                throw new InvalidOperationException(
                    $"Chunk {chunk} of '{_dataSet.Name}' came back partial {attempt} times and was not written "
                        + $"(the service said: {result.Error}). The complete chunks are kept: run the export again "
                        + $"to resume, "
                        + "or export a shorter range or with filters."
                );
            }
            await Task.Delay(_exporter.Options.PartialRetryDelay * attempt, _cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LogAnalyticsQueryResult> QueryAsync(TimeRange chunk)
    {
        Queried++;
        try
        {
            return await _exporter.QueryChunkAsync(_dataSet, chunk, _cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            throw new RequestFailedException(
                exception.Status,
                $"Exporting chunk {chunk} of '{_dataSet.Name}' failed; the complete chunks are kept: run the "
                    + $"export again "
                    + $"to resume. {exception.Message}",
                exception.ErrorCode,
                exception
            );
        }
    }

    private async Task SplitAsync(TimeRange chunk, bool countSplit)
    {
        if (!_timeFiltered)
        {
            throw new InvalidOperationException(
                $"'{_dataSet.Name}' exceeds the limits ({_exporter.Options.MaximumRowsPerChunk} rows, "
                    + $"{_exporter.Options.MaximumBytesPerChunk} bytes) and its query is not filtered by time, so "
                    + $"it cannot be "
                    + "split into shorter ranges; add filters."
            );
        }
        var half = TimeSpan.FromTicks((chunk.End - chunk.Start).Ticks / 2);
        if (half < _exporter.Options.MinimumChunkDuration)
        {
            throw new InvalidOperationException(
                $"Chunk {chunk} of '{_dataSet.Name}' exceeds the limits ({_exporter.Options.MaximumRowsPerChunk} rows, "
                    + $"{_exporter.Options.MaximumBytesPerChunk} bytes) and cannot be split below the minimum "
                    + $"chunk length "
                    + $"{_exporter.Options.MinimumChunkDuration}; add filters or aggregate in the query."
            );
        }
        if (countSplit)
        {
            Splits++;
        }
        var middle = chunk.Start + half;
        await ExportChunkAsync(new TimeRange(chunk.Start, middle)).ConfigureAwait(false);
        await ExportChunkAsync(new TimeRange(middle, chunk.End)).ConfigureAwait(false);
    }
}
