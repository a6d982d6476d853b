namespace SecurityML.Sentinel;

/// <summary>Whether a query returned all of its result.</summary>
public enum LogAnalyticsQueryResultStatus
{
    /// <summary>The whole result.</summary>
    Success,

    /// <summary>Only part of it: see <see cref="LogAnalyticsQueryResult.Error"/> (e.g. the result was
    /// truncated).</summary>
    PartialFailure,
}
