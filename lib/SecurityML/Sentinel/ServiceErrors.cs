using System.Text.Json;
using Azure;

namespace SecurityML.Sentinel;

/// <summary>
/// Builds <see cref="RequestFailedException"/>s that say what to fix. The error code is the <c>x-ms-error-code</c>
/// header when the service sent one, otherwise the body's <c>error.code</c>. Messages hold the status, the service's
/// error and advice that tells a token problem (401; 403 <c>InvalidAuthenticationToken*</c>, expired or wrong
/// audience/tenant) from a missing role (403 <c>AuthorizationFailed</c>, <c>InsufficientAccessError</c>, …); never a
/// request header, and every registered secret is removed (<see cref="SecretRedaction"/>).
/// </summary>
internal static class ServiceErrors
{
    private const int MaximumServiceTextLength = 500;

    /// <summary>An error from the query API for <paramref name="workspaceId"/>.</summary>
    public static RequestFailedException ForQuery(Response response, string workspaceId, string scope)
    {
        var error = ReadError(response);
        var advice = response.Status switch
        {
            401 => TokenAdvice(error.Code, scope),
            403 when IsTokenProblem(error.Code) => TokenAdvice(error.Code, scope),
            403 => $"The signed-in identity may not read workspace '{workspaceId}': grant it the 'Log Analytics "
                + $"Reader' role "
                + "(or 'Microsoft Sentinel Reader') on the workspace, and check that the workspace id is right.",
            404 => $"Workspace '{workspaceId}' was not found: check workspaceId (the workspace's GUID, not its name) "
                + $"and the cloud.",
            429 => "The workspace throttled the queries and retries ran out: wait, query shorter ranges, or run "
                + "fewer queries at once.",
            400 => "The query was rejected: check the KQL and that the tables and columns exist in this workspace.",
            >= 500 => "The service failed and retries ran out: try again later.",
            _ => "Unexpected response from the query API.",
        };
        return Create(response, "Log Analytics query", error, advice);
    }

    /// <summary>An error from the Logs Ingestion API for a rule and stream.</summary>
    public static RequestFailedException ForIngestion(Response response, string ruleId, string streamName, string scope)
    {
        var error = ReadError(response);
        var advice = response.Status switch
        {
            401 => TokenAdvice(error.Code, scope),
            403 when IsTokenProblem(error.Code) => TokenAdvice(error.Code, scope),
            403 => $"The signed-in identity may not send data to data collection rule '{ruleId}': grant it the "
                + "'Monitoring Metrics Publisher' role on that DCR (role assignments take up to 30 minutes to apply).",
            404 => $"Data collection rule '{ruleId}' or stream '{streamName}' was not found at this endpoint: check "
                + "dataCollectionRuleId (the rule's immutable id, dcr-...), the stream name (Custom-...) and the "
                + "data collection endpoint.",
            413 => "The batch was too large for the service: lower the batch size.",
            429 => "The endpoint throttled the uploads and retries ran out: wait and upload the remaining rows again.",
            >= 500 => "The service failed and retries ran out: upload the remaining rows again later.",
            _ => "Unexpected response from the Logs Ingestion API.",
        };
        return Create(response, "Logs Ingestion", error, advice);
    }

    /// <summary>True for the codes of a token the service refused (as opposed to a valid token lacking a
    /// role).</summary>
    internal static bool IsTokenProblem(string? code) =>
        code is not null
        && (
            code.StartsWith("InvalidAuthenticationToken", StringComparison.OrdinalIgnoreCase)
            || code.Contains("ExpiredAuthenticationToken", StringComparison.OrdinalIgnoreCase)
            || code.Equals("AuthenticationFailed", StringComparison.OrdinalIgnoreCase)
            || code.Equals("InvalidTokenAudience", StringComparison.OrdinalIgnoreCase)
        );

    private static string TokenAdvice(string? code, string scope)
    {
        var audience = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
        if (code?.Contains("Audience", StringComparison.OrdinalIgnoreCase) == true)
        {
            return $"The token was issued for another audience (resource): this API needs a token for '{scope}'. "
                + $"Use the "
                + "endpoint and audience of one cloud (cloud in the workspace config, or the client options' "
                + "Audience); a token "
                + $"in SECML_ACCESS_TOKEN must be requested for '{audience}' (az account get-access-token "
                + $"--resource {audience}).";
        }
        if (code?.Contains("Tenant", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "The token was issued by another tenant: check tenantId in the workspace config or "
                + "AZURE_TENANT_ID, then sign in again.";
        }
        return "The token was missing, expired, invalid, or for another tenant or audience: sign in again (az "
            + "login, device code) "
            + $"or renew SECML_ACCESS_TOKEN, check tenantId in the workspace config or AZURE_TENANT_ID, and that "
            + $"the credential "
            + $"can get a token for '{scope}'.";
    }

    private static RequestFailedException Create(
        Response response,
        string service,
        (string? Code, string? Text) error,
        string advice
    )
    {
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
        var detail =
            error.Text is { Length: > 0 } text ? $" Service said: {text}"
            : error.Code is { Length: > 0 } code ? $" Service error code: {code}"
            : "";
        var message = SecretRedaction.Redact($"{service} failed with {response.Status}{reason}. {advice}{detail}");
        return new RequestFailedException(
            response.Status,
            message,
            SecretRedaction.Redact(error.Code),
            innerException: null
        );
    }

    /// <summary>The error code (the <c>x-ms-error-code</c> header first, then <c>error.code</c>) and the body's error
    /// as one line (<c>Code: message (Inner: message)</c>, at most 500 characters); nulls when absent.</summary>
    private static (string? Code, string? Text) ReadError(Response response)
    {
        var headerCode =
            response.Headers.TryGetValue("x-ms-error-code", out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;
        var parsed = ReadBodyError(response);
        if (parsed is null)
        {
            return (headerCode, null);
        }
        var code = headerCode ?? (parsed.Code.Length > 0 ? parsed.Code : null);
        var text = parsed.ToString();
        if (headerCode is not null && !string.Equals(headerCode, parsed.Code, StringComparison.Ordinal))
        {
            text = $"{headerCode} (x-ms-error-code); {text}";
        }
        return (code, Truncate(text));
    }

    private static LogAnalyticsQueryError? ReadBodyError(Response response)
    {
        try
        {
            var content = response.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return null;
            }
            using var document = JsonDocument.Parse(content.ToMemory());
            if (
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
            )
            {
                return LogAnalyticsResponseParser.ParseError(error);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status, the header code and the advice say enough.
        }
        return null;
    }

    private static string Truncate(string text) =>
        text.Length <= MaximumServiceTextLength ? text : text[..MaximumServiceTextLength] + "…";
}
