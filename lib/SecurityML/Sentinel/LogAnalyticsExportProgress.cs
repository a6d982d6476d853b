namespace SecurityML.Sentinel;

/// <summary>Progress of an export: one chunk done.</summary>
/// <param name="Chunk">The chunk's time range.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Reused">True when it was complete from an earlier run.</param>
public sealed record LogAnalyticsExportProgress(Data.TimeRange Chunk, long Rows, bool Reused);
