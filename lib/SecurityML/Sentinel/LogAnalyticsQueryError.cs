namespace SecurityML.Sentinel;

/// <summary>An error the query service reported, with its inner details (the most specific last).</summary>
/// <param name="Code">The error code, e.g. <c>PartialError</c>, <c>BadArgumentError</c> or a Kusto number such as
/// <c>-2133196797</c>; empty when the service sent none.</param>
/// <param name="Message">The service's message (it may name the Kusto error, e.g.
/// <c>E_QUERY_RESULT_SET_TOO_LARGE</c>).</param>
/// <param name="Details">Inner errors (<c>details</c> and <c>innererror</c>), e.g. <c>EngineError</c> ›
/// <c>-2133196797</c>.</param>
public sealed record LogAnalyticsQueryError(string Code, string Message, IReadOnlyList<LogAnalyticsQueryError> Details)
{
    /// <summary>Every code in this error and its details, depth first.</summary>
    public IEnumerable<string> AllCodes() => Flatten().Select(error => error.Code);

    /// <summary>This error and every inner error, depth first.</summary>
    public IEnumerable<LogAnalyticsQueryError> Flatten() =>
        new[] { this }.Concat(Details.SelectMany(detail => detail.Flatten()));

    /// <summary>True when this error or an inner one has <paramref name="text"/> (ordinal, case-insensitive) in its
    /// code or message; the service puts some Kusto error names only in the message text.</summary>
    public bool Mentions(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Flatten()
            .Any(error =>
                error.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
                || error.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
            );
    }

    /// <summary>The code and message, then the inner ones in parentheses, one line:
    /// <c>Code: message (Inner: message)</c>.</summary>
    public override string ToString()
    {
        var head =
            Code.Length == 0 ? Message
            : Message.Length == 0 ? Code
            : $"{Code}: {Message}";
        return Details.Count == 0 ? head : $"{head} ({string.Join("; ", Details.Select(d => d.ToString()))})";
    }
}
