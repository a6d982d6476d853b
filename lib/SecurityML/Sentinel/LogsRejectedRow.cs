namespace SecurityML.Sentinel;

/// <summary>A rejected row: refused by the service, or too large to send.</summary>
/// <param name="Index">The row's zero-based index in the rows given.</param>
/// <param name="Status">The HTTP status of the rejection: 400, or 413 (too large; also for a row too large to
/// send).</param>
/// <param name="ErrorCode">The service's error code, if any.</param>
/// <param name="Reason">The service's answer for that row sent alone (status, code, message and advice), or why it was
/// not sent.</param>
public sealed record LogsRejectedRow(long Index, int Status, string? ErrorCode, string Reason);
