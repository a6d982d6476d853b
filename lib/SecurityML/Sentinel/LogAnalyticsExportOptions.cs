namespace SecurityML.Sentinel;

/// <summary>Options of <see cref="LogAnalyticsExporter"/>; checked when the exporter is created.</summary>
public sealed record LogAnalyticsExportOptions
{
    /// <summary>Default chunk length: 1 day.</summary>
    public static readonly TimeSpan DefaultChunkDuration = TimeSpan.FromDays(1);

    /// <summary>The service's row limit per query response: 500,000.</summary>
    public const long ServiceRowLimit = 500_000;

    /// <summary>The service's size limit per query response, about 64 MB: 64,000,000 bytes.</summary>
    public const long ServiceByteLimit = 64_000_000;

    /// <summary>Default shortest chunk: 1 second (a second holding more than the limits cannot be exported).</summary>
    public static readonly TimeSpan DefaultMinimumChunkDuration = TimeSpan.FromSeconds(1);

    /// <summary>The length of the chunks a range is first cut into; default 1 day; must be positive.</summary>
    public TimeSpan ChunkDuration { get; init; } = DefaultChunkDuration;

    /// <summary>A chunk returning this many rows or more is split in two and queried again (the service truncates at
    /// its limit); default <see cref="ServiceRowLimit"/>; range [1, 500,000].</summary>
    public long MaximumRowsPerChunk { get; init; } = ServiceRowLimit;

    /// <summary>A chunk whose response is this large or larger is split; default <see cref="ServiceByteLimit"/>;
    /// range [1, 64,000,000] bytes.</summary>
    public long MaximumBytesPerChunk { get; init; } = ServiceByteLimit;

    /// <summary>Chunks are not split below this length; default 1 second; must be positive.</summary>
    public TimeSpan MinimumChunkDuration { get; init; } = DefaultMinimumChunkDuration;

    /// <summary>Default retries of a chunk whose result was partial for another reason than the result-set limits:
    /// 2.</summary>
    public const int DefaultMaximumPartialRetries = 2;

    /// <summary>The most a chunk is queried again when the service answered with a partial error other than the
    /// result-set limits (e.g. <c>E_LOW_MEMORY_CONDITION</c>); after that the export fails naming the chunk, keeping
    /// the complete ones. Default <see cref="DefaultMaximumPartialRetries"/>; range [0, 10].</summary>
    public int MaximumPartialRetries { get; init; } = DefaultMaximumPartialRetries;

    /// <summary>Default wait before querying a partial chunk again: 2 seconds.</summary>
    public static readonly TimeSpan DefaultPartialRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The wait before the first new query of a partial chunk; the n-th retry waits n times as long (the
    /// service's partial errors other than the limits, such as low memory, come from load). Default
    /// <see cref="DefaultPartialRetryDelay"/>; range [0, 5 minutes].</summary>
    public TimeSpan PartialRetryDelay { get; init; } = DefaultPartialRetryDelay;

    internal void Check()
    {
        if (ChunkDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ChunkDuration),
                ChunkDuration,
                $"Expected a positive duration, received {ChunkDuration}."
            );
        }
        if (MinimumChunkDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinimumChunkDuration),
                MinimumChunkDuration,
                $"Expected a positive duration, received {MinimumChunkDuration}."
            );
        }
        if (PartialRetryDelay < TimeSpan.Zero || PartialRetryDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(PartialRetryDelay),
                PartialRetryDelay,
                $"Expected [00:00:00, 00:05:00], received {PartialRetryDelay}."
            );
        }
        if (MaximumPartialRetries is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumPartialRetries),
                MaximumPartialRetries,
                $"Expected [0, 10], received {MaximumPartialRetries}."
            );
        }
        if (MaximumRowsPerChunk is < 1 or > ServiceRowLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumRowsPerChunk),
                MaximumRowsPerChunk,
                $"Expected [1, {ServiceRowLimit}], received {MaximumRowsPerChunk}."
            );
        }
        if (MaximumBytesPerChunk is < 1 or > ServiceByteLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumBytesPerChunk),
                MaximumBytesPerChunk,
                $"Expected [1, {ServiceByteLimit}], received {MaximumBytesPerChunk}."
            );
        }
    }
}
