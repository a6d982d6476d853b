namespace SecurityML.Sentinel;

/// <summary>Whether a query returned all of its result.</summary>
public enum LogAnalyticsQueryResultStatus
{
    /// <summary>The whole result.</summary>
    Success,

    /// <summary>Only part of it: see <see cref="LogAnalyticsQueryResult.Error"/> (e.g. the result was truncated).</summary>
    PartialFailure,
}

/// <summary>The result of a Log Analytics query: its tables and, for a partial result, the error.</summary>
/// <param name="Tables">The result tables; the first is <c>PrimaryResult</c>.</param>
/// <param name="Error">The service's error for a partial result; null when complete.</param>
/// <param name="ResponseBytes">The size of the response body in bytes (the service limit is about 64 MB).</param>
public sealed record LogAnalyticsQueryResult(IReadOnlyList<LogAnalyticsTable> Tables, LogAnalyticsQueryError? Error, long ResponseBytes)
{
    /// <summary><see cref="LogAnalyticsQueryResultStatus.PartialFailure"/> when <see cref="Error"/> is set.</summary>
    public LogAnalyticsQueryResultStatus Status =>
        Error is null ? LogAnalyticsQueryResultStatus.Success : LogAnalyticsQueryResultStatus.PartialFailure;

    /// <summary>The main result table.</summary>
    /// <exception cref="InvalidOperationException">When the response held no table.</exception>
    public LogAnalyticsTable Table => Tables.Count > 0
        ? Tables[0]
        : throw new InvalidOperationException("The query returned no table; expected at least the PrimaryResult table.");

    /// <summary>True when the service cut the result at its limits (500,000 rows or ~64 MB) or ran out of resources.</summary>
    public bool IsTruncated => Error is not null && Error.AllCodes().Any(code =>
        code.Contains("TOO_LARGE", StringComparison.OrdinalIgnoreCase)
        || code.Contains("LIMIT", StringComparison.OrdinalIgnoreCase)
        || code.Contains("OUT_OF_MEMORY", StringComparison.OrdinalIgnoreCase));
}
