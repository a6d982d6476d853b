namespace SecurityML.Sentinel;

/// <summary>The outcome of an export.</summary>
/// <param name="FilePath">The merged file, readable by <c>QueryProvider.Local(folder)</c>.</param>
/// <param name="RowCount">Rows in the merged file.</param>
/// <param name="ChunksQueried">Queries sent in this run (splits and partial-result retries included).</param>
/// <param name="ChunksReused">Chunks already complete from an earlier run and not queried again.</param>
/// <param name="Splits">How often a chunk was split because it hit the limits.</param>
/// <remarks>A query that is not time-filtered (<see cref="SentinelQuery.IsTimeFiltered"/> false, e.g. the user
/// directory) is exported as one chunk covering the whole range.</remarks>
public sealed record LogAnalyticsExportSummary(
    string FilePath,
    long RowCount,
    int ChunksQueried,
    int ChunksReused,
    int Splits
);
