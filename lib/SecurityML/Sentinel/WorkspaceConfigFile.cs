using System.Text.Json;

namespace SecurityML.Sentinel;

/// <summary>Reads the JSON workspace config file and builds a checked <see cref="WorkspaceConfig"/>.</summary>
internal static class WorkspaceConfigFile
{
    private static readonly string[] SecretKeys = ["clientSecret", "secret", "password", "accessToken", "token"];

    public static void Read(
        string path,
        Dictionary<string, string?> values,
        Dictionary<string, string> streams,
        Dictionary<string, string> rules
    )
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Workspace config file not found; expected a JSON file at '{Path.GetFullPath(path)}'.",
                path
            );
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                File.ReadAllText(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }
            );
        }
        catch (JsonException exception)
        {
            // The parser's message quotes no content, only a position.
            throw new FormatException($"Workspace config '{path}' is not valid JSON ({exception.Message}).", exception);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Workspace config '{path}': expected a JSON object at the top.");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                ReadProperty(path, property, values, streams, rules);
            }
        }
    }

    private static void ReadProperty(
        string path,
        JsonProperty property,
        Dictionary<string, string?> values,
        Dictionary<string, string> streams,
        Dictionary<string, string> rules
    )
    {
        if (SecretKeys.Any(key => property.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FormatException(
                $"Workspace config '{path}' holds '{property.Name}': secrets do not belong in a file next to "
                    + $"notebooks. "
                    + "Remove it and set AZURE_CLIENT_SECRET (client secret) or SECML_ACCESS_TOKEN (access token) "
                    + "in the environment instead."
            );
        }
        if (property.Name.Equals("streams", StringComparison.OrdinalIgnoreCase))
        {
            ReadTableMap(path, property, streams, "stream name");
            return;
        }
        if (property.Name.Equals("dataCollectionRules", StringComparison.OrdinalIgnoreCase))
        {
            ReadTableMap(path, property, rules, "data collection rule immutable id (dcr-...)");
            return;
        }
        values[property.Name] = property.Value.ValueKind switch
        {
            JsonValueKind.String => property.Value.GetString(),
            JsonValueKind.Null => null,
            _ => property.Value.GetRawText(),
        };
    }

    private static void ReadTableMap(string path, JsonProperty property, Dictionary<string, string> map, string what)
    {
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(
                $"Workspace config '{path}': '{property.Name}' must be an object of table name → {what}; "
                    + $"received {property.Value.ValueKind}."
            );
        }
        foreach (var entry in property.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
            {
                throw new FormatException(
                    $"Workspace config '{path}': '{property.Name}.{entry.Name}' must be a {what}; "
                        + $"received {entry.Value.ValueKind}."
                );
            }
            map[entry.Name] = entry.Value.GetString()!.Trim();
        }
    }

    public static WorkspaceConfig Build(
        Dictionary<string, string?> values,
        Dictionary<string, string> streams,
        Dictionary<string, string> rules,
        string? clientSecret,
        string? accessToken
    )
    {
        var credentialText = values.GetValueOrDefault("credential");
        var credential = CredentialKind.Default;
        if (
            !string.IsNullOrWhiteSpace(credentialText)
            && !Enum.TryParse(credentialText, ignoreCase: true, out credential)
        )
        {
            throw new FormatException(
                $"Unknown credential; expected one of [{string.Join(", ", Enum.GetNames<CredentialKind>())}], "
                    + $"received '{credentialText}'."
            );
        }
        return new WorkspaceConfig
        {
            WorkspaceId = Blank(values.GetValueOrDefault("workspaceId")),
            TenantId = Blank(values.GetValueOrDefault("tenantId")),
            Cloud = AzureMonitorCloud.Find(values.GetValueOrDefault("cloud")),
            QueryEndpoint = HttpsUri(values.GetValueOrDefault("queryEndpoint"), "queryEndpoint"),
            DataCollectionEndpoint = HttpsUri(
                values.GetValueOrDefault("dataCollectionEndpoint"),
                "dataCollectionEndpoint"
            ),
            DataCollectionRuleId = Blank(values.GetValueOrDefault("dataCollectionRuleId")),
            Streams = streams,
            DataCollectionRules = rules,
            Credential = credential,
            ClientId = Blank(values.GetValueOrDefault("clientId")),
            ClientSecret = Blank(clientSecret),
            AccessToken = Blank(accessToken),
            ServerCertificateSha256 = CertificatePinning.Normalize(values.GetValueOrDefault("serverCertificateSha256")),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? HttpsUri(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (
            !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
        )
        {
            // The value is not echoed: a mistyped endpoint may carry credentials or a signature.
            throw new FormatException(
                $"'{key}' must be an absolute https URI without user information, query or fragment (e.g. "
                    + $"https://myworkspace.ods.opinsights.azure.com); the value received is not shown."
            );
        }
        return uri;
    }
}
