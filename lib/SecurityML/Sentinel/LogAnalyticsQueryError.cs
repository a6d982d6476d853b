namespace SecurityML.Sentinel;

/// <summary>An error the query service reported, with its inner details (the most specific last).</summary>
/// <param name="Code">The error code, e.g. <c>PartialError</c> or <c>BadArgumentError</c>.</param>
/// <param name="Message">The service's message.</param>
/// <param name="Details">Inner codes and messages, e.g. <c>E_QUERY_RESULT_SET_TOO_LARGE</c>.</param>
public sealed record LogAnalyticsQueryError(string Code, string Message, IReadOnlyList<LogAnalyticsQueryError> Details)
{
    /// <summary>Every code in this error and its details, depth first.</summary>
    public IEnumerable<string> AllCodes() => new[] { Code }.Concat(Details.SelectMany(detail => detail.AllCodes()));

    /// <summary>The message and the innermost detail messages, one line.</summary>
    public override string ToString() =>
        Details.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Message} ({string.Join("; ", Details.Select(d => d.ToString()))})";
}
