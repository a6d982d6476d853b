namespace SecurityML.Sentinel;

/// <summary>The result of a Log Analytics query: its tables and, for a partial result, the error.</summary>
/// <param name="Tables">The result tables; the first is <c>PrimaryResult</c>.</param>
/// <param name="Error">The service's error for a partial result; null when complete.</param>
/// <param name="ResponseBytes">The size of the response body in bytes (the service limit is about 64 MB).</param>
public sealed record LogAnalyticsQueryResult(
    IReadOnlyList<LogAnalyticsTable> Tables,
    LogAnalyticsQueryError? Error,
    long ResponseBytes
)
{
    /// <summary><see cref="LogAnalyticsQueryResultStatus.PartialFailure"/> when <see cref="Error"/> is set.</summary>
    public LogAnalyticsQueryResultStatus Status =>
        Error is null ? LogAnalyticsQueryResultStatus.Success : LogAnalyticsQueryResultStatus.PartialFailure;

    /// <summary>The main result table.</summary>
    /// <exception cref="InvalidOperationException">When the response held no table.</exception>
    public LogAnalyticsTable Table =>
        Tables.Count > 0
            ? Tables[0]
            : throw new InvalidOperationException(
                "The query returned no table; expected at least the PrimaryResult table."
            );

    /// <summary>The markers of the service's result-set limits (500,000 rows or 64 MB): the Kusto error name, its
    /// number (0x80DA0003) and the texts of both limits. The service may send the name only in the message
    /// text.</summary>
    internal static IReadOnlyList<string> TruncationMarkers { get; } =
    [
        "E_QUERY_RESULT_SET_TOO_LARGE",
        "-2133196797",
        "0x80DA0003",
        "80DA0003",
        "exceeded the internal record count limit",
        "exceeded the internal data size limit",
    ];

    /// <summary>True when the service cut the result at its result-set limits (500,000 rows or 64 MB), recognised by
    /// code or message anywhere in <see cref="Error"/> (<c>PartialError</c> › <c>EngineError</c> › <c>-2133196797</c>
    /// with <c>E_QUERY_RESULT_SET_TOO_LARGE</c> in the message). Other partial errors (e.g. <c>E_OVERFLOW</c>,
    /// <c>E_LOW_MEMORY_CONDITION</c>) are not truncation but still make the result incomplete: check
    /// <see cref="Status"/>.</summary>
    public bool IsTruncated => Error is not null && TruncationMarkers.Any(Error.Mentions);
}
