namespace SecurityML.Sentinel;

/// <summary>The outcome of a typed upload that stored every row (any other outcome throws a
/// <see cref="LogsIngestionException"/>).</summary>
/// <param name="RowCount">Rows accepted by the service: every row from the start index on.</param>
/// <param name="BatchCount">Calls that succeeded (a batch halved after a 400 counts each accepted part).</param>
/// <param name="UncompressedBytes">JSON bytes of the accepted calls before compression.</param>
/// <param name="CompressedBytes">Bytes of the accepted calls on the wire (gzip).</param>
public sealed record LogsUploadResult(long RowCount, int BatchCount, long UncompressedBytes, long CompressedBytes);
