using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>One run of <see cref="LogAnalyticsExporter.ExportAsync{T}"/>: queries missing chunks, splits the ones that
/// hit the limits, and counts what it did.</summary>
internal sealed class ExportRun<T> where T : class
{
    private readonly LogAnalyticsExporter _exporter;
    private readonly DataSet<T> _dataSet;
    private readonly string _chunkFolder;
    private readonly IProgress<LogAnalyticsExportProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly List<TimeRange> _completed;

    public ExportRun(LogAnalyticsExporter exporter, DataSet<T> dataSet, string chunkFolder,
        IProgress<LogAnalyticsExportProgress>? progress, CancellationToken cancellationToken)
    {
        _exporter = exporter;
        _dataSet = dataSet;
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
        if (_completed.Any(done => done.Start >= chunk.Start && done.End <= chunk.End))
        {
            await SplitAsync(chunk, countSplit: false).ConfigureAwait(false);
            return;
        }
        Queried++;
        var result = await _exporter.QueryChunkAsync(_dataSet, chunk, _cancellationToken).ConfigureAwait(false);
        if (_exporter.IsTooLarge(result))
        {
            await SplitAsync(chunk, countSplit: true).ConfigureAwait(false);
            return;
        }
        var rows = ChunkFiles.Write(_chunkFolder, chunk, LogAnalyticsRecordMapper<T>.Map(result.Table));
        _completed.Add(chunk);
        _progress?.Report(new LogAnalyticsExportProgress(chunk, rows, Reused: false));
    }

    private async Task SplitAsync(TimeRange chunk, bool countSplit)
    {
        var half = TimeSpan.FromTicks((chunk.End - chunk.Start).Ticks / 2);
        if (half < _exporter.Options.MinimumChunkDuration)
        {
            throw new InvalidOperationException(
                $"Chunk {chunk} of '{_dataSet.Name}' exceeds the limits ({_exporter.Options.MaximumRowsPerChunk} rows, "
                + $"{_exporter.Options.MaximumBytesPerChunk} bytes) and cannot be split below the minimum chunk length "
                + $"{_exporter.Options.MinimumChunkDuration}; add filters or aggregate in the query.");
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
