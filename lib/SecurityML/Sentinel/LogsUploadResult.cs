namespace SecurityML.Sentinel;

/// <summary>The outcome of a typed upload.</summary>
/// <param name="RowCount">Rows accepted by the service.</param>
/// <param name="BatchCount">Calls that succeeded.</param>
/// <param name="UncompressedBytes">JSON bytes sent before compression.</param>
/// <param name="CompressedBytes">Bytes sent on the wire (gzip).</param>
public sealed record LogsUploadResult(long RowCount, int BatchCount, long UncompressedBytes, long CompressedBytes);
