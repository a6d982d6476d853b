namespace SecurityML.Tests.Sentinel;

/// <summary>A scripted answer of the fake server: status, JSON body, headers, and a delay before answering.</summary>
internal sealed record FakeResponse(
    int Status,
    string Body = "",
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default
)
{
    public static FakeResponse Error(
        int status,
        string code,
        string message,
        IReadOnlyDictionary<string, string>? headers = null
    ) => new(status, System.Text.Json.JsonSerializer.Serialize(new { error = new { code, message } }), headers);

    public static FakeResponse Throttled(string retryAfter) =>
        Error(429, "TooManyRequests", "Slow down.", new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    public static FakeResponse Slow(TimeSpan delay) => new(200, "", Delay: delay);
}
