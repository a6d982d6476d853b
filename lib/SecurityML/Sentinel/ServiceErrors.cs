using System.Text.Json;
using Azure;

namespace SecurityML.Sentinel;

/// <summary>
/// Builds <see cref="RequestFailedException"/>s that say what to fix. Messages hold the status, the service's error code
/// and message, and advice; never a request header, a token or a secret.
/// </summary>
internal static class ServiceErrors
{
    /// <summary>An error from the query API for <paramref name="workspaceId"/>.</summary>
    public static RequestFailedException ForQuery(Response response, string workspaceId, string scope)
    {
        var (code, serviceMessage) = ReadError(response);
        var advice = response.Status switch
        {
            401 => "The token was missing, expired, or for another tenant or audience: sign in again (az login, device code), "
                + $"check tenantId in the workspace config or AZURE_TENANT_ID, and that the credential can get a token for '{scope}'.",
            403 => $"The signed-in identity may not read workspace '{workspaceId}': grant it the 'Log Analytics Reader' role "
                + "(or 'Microsoft Sentinel Reader') on the workspace, and check that the workspace id is right.",
            404 => $"Workspace '{workspaceId}' was not found: check workspaceId (the workspace's GUID, not its name) and the cloud.",
            429 => "The workspace throttled the queries and retries ran out: wait, query shorter ranges, or run fewer queries at once.",
            400 => "The query was rejected: check the KQL and that the tables and columns exist in this workspace.",
            >= 500 => "The service failed and retries ran out: try again later.",
            _ => "Unexpected response from the query API.",
        };
        return Create(response, "Log Analytics query", code, serviceMessage, advice);
    }

    /// <summary>An error from the Logs Ingestion API for a rule and stream.</summary>
    public static RequestFailedException ForIngestion(Response response, string ruleId, string streamName, string scope)
    {
        var (code, serviceMessage) = ReadError(response);
        var advice = response.Status switch
        {
            401 => "The token was missing, expired, or for another tenant or audience: sign in again, check tenantId in the "
                + $"workspace config or AZURE_TENANT_ID, and that the credential can get a token for '{scope}'.",
            403 => $"The signed-in identity may not send data to data collection rule '{ruleId}': grant it the "
                + "'Monitoring Metrics Publisher' role on that DCR (role assignments take up to 30 minutes to apply).",
            404 => $"Data collection rule '{ruleId}' or stream '{streamName}' was not found at this endpoint: check "
                + "dataCollectionRuleId (the rule's immutable id, dcr-...), the stream name (Custom-...) and the data collection endpoint.",
            413 => "The batch was too large for the service: lower the batch size.",
            429 => "The endpoint throttled the uploads and retries ran out: wait and upload the remaining rows again.",
            >= 500 => "The service failed and retries ran out: upload the remaining rows again later.",
            _ => "Unexpected response from the Logs Ingestion API.",
        };
        return Create(response, "Logs Ingestion", code, serviceMessage, advice);
    }

    private static RequestFailedException Create(Response response, string service, string? code, string? serviceMessage, string advice)
    {
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
        var detail = string.IsNullOrEmpty(serviceMessage) ? "" : $" Service said: {code}: {serviceMessage}";
        var message = $"{service} failed with {response.Status}{reason}. {advice}{detail}";
        return new RequestFailedException(response.Status, message, code, innerException: null);
    }

    private static (string? Code, string? Message) ReadError(Response response)
    {
        try
        {
            var content = response.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return (null, null);
            }
            using var document = JsonDocument.Parse(content.ToMemory());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var parsed = LogAnalyticsResponseParser.ParseError(error);
                return (parsed.Code, Truncate(parsed.ToString()));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status and advice say enough.
        }
        return (null, null);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
