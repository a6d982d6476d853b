using System.Collections;

namespace SecurityML.Sentinel;

/// <summary>
/// Where the workspace is and how to sign in: a JSON config file (camelCase names below) whose values environment
/// variables override. The client secret is read only from <c>AZURE_CLIENT_SECRET</c> and a pre-acquired access token
/// only from <c>SECML_ACCESS_TOKEN</c>, never from the file; neither appears in <see cref="ToString"/>, in exceptions
/// or in logs.
/// </summary>
/// <remarks>
/// File keys → environment variables: <c>workspaceId</c> → <c>SECML_WORKSPACE_ID</c>; <c>tenantId</c> →
/// <c>AZURE_TENANT_ID</c>; <c>cloud</c> → <c>SECML_CLOUD</c>; <c>queryEndpoint</c> → <c>SECML_QUERY_ENDPOINT</c>;
/// <c>dataCollectionEndpoint</c> → <c>SECML_DCE</c>; <c>dataCollectionRuleId</c> → <c>SECML_DCR_ID</c>;
/// <c>credential</c> → <c>SECML_CREDENTIAL</c>; <c>clientId</c> → <c>AZURE_CLIENT_ID</c>;
/// <c>serverCertificateSha256</c> → <c>SECML_SERVER_CERTIFICATE_SHA256</c>; <c>streams</c> (table → stream) and
/// <c>dataCollectionRules</c> (table → rule id) have no variable. The file itself can be named by
/// <c>SECML_WORKSPACE_CONFIG</c>.
/// </remarks>
public sealed class WorkspaceConfig
{
    /// <summary>The environment variable naming the config file.</summary>
    public const string ConfigPathVariable = "SECML_WORKSPACE_CONFIG";

    /// <summary>The environment variable holding the token of <see cref="CredentialKind.AccessToken"/>.</summary>
    public const string AccessTokenVariable = "SECML_ACCESS_TOKEN";

    private static readonly (string Key, string Variable)[] Variables =
    [
        ("workspaceId", "SECML_WORKSPACE_ID"),
        ("tenantId", "AZURE_TENANT_ID"),
        ("cloud", "SECML_CLOUD"),
        ("queryEndpoint", "SECML_QUERY_ENDPOINT"),
        ("dataCollectionEndpoint", "SECML_DCE"),
        ("dataCollectionRuleId", "SECML_DCR_ID"),
        ("credential", "SECML_CREDENTIAL"),
        ("clientId", "AZURE_CLIENT_ID"),
        ("serverCertificateSha256", "SECML_SERVER_CERTIFICATE_SHA256"),
    ];

    /// <summary>The Log Analytics workspace id (a GUID).</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The Entra ID tenant id; null lets the credential choose.</summary>
    public string? TenantId { get; init; }

    /// <summary>The cloud (default public); see <see cref="AzureMonitorCloud.Find"/>.</summary>
    public AzureMonitorCloud Cloud { get; init; } = AzureMonitorCloud.Public;

    /// <summary>The query endpoint; default the cloud's (<c>https://api.loganalytics.io</c>).</summary>
    public Uri? QueryEndpoint { get; init; }

    /// <summary>The data collection endpoint's logs ingestion URI; needed to write results.</summary>
    public Uri? DataCollectionEndpoint { get; init; }

    /// <summary>The data collection rule's immutable id (<c>dcr-...</c>); needed to write results.</summary>
    public string? DataCollectionRuleId { get; init; }

    /// <summary>Result table → DCR stream; tables not listed use <c>Custom-{table}</c>.</summary>
    public IReadOnlyDictionary<string, string> Streams { get; init; } = new Dictionary<string, string>();

    /// <summary>Result table → the immutable id (<c>dcr-...</c>) of the data collection rule that holds its stream;
    /// tables not listed use <see cref="DataCollectionRuleId"/>. Needed when <c>secml dcr</c> splits the tables over
    /// several rules (a rule holds at most 10 data flows).</summary>
    public IReadOnlyDictionary<string, string> DataCollectionRules { get; init; } = new Dictionary<string, string>();

    /// <summary>How to sign in; default <see cref="CredentialKind.Default"/>.</summary>
    public CredentialKind Credential { get; init; } = CredentialKind.Default;

    /// <summary>The app's or user-assigned managed identity's client id; null when not needed.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret, from <c>AZURE_CLIENT_SECRET</c> only; internal so it is never displayed.</summary>
    internal string? ClientSecret { get; init; }

    /// <summary>The pre-acquired access token, from <c>SECML_ACCESS_TOKEN</c> only; internal so it is never
    /// displayed.</summary>
    internal string? AccessToken { get; init; }

    /// <summary>For private or test endpoints only: the SHA-256 thumbprint (64 hex digits; ':' and spaces ignored) of
    /// the one server certificate both clients accept, self-signed or not, instead of validating the chain. Null
    /// (default) validates certificates normally, as Azure's public endpoints need.</summary>
    public string? ServerCertificateSha256 { get; init; }

    /// <summary>The query endpoint in use: <see cref="QueryEndpoint"/> or the cloud's.</summary>
    public Uri EffectiveQueryEndpoint => QueryEndpoint ?? Cloud.QueryEndpoint;

    /// <summary>Reads a config file (null or empty: <c>SECML_WORKSPACE_CONFIG</c>, else none) and applies environment
    /// variables.</summary>
    /// <param name="path">The JSON file; null for environment variables only.</param>
    /// <param name="environment">Variables to use instead of the process environment (tests); null for the
    /// process's.</param>
    /// <exception cref="FileNotFoundException">When the named file does not exist.</exception>
    /// <exception cref="FormatException">When a value is malformed or the file holds a secret; the message names the
    /// key, never the value of a secret.</exception>
    public static WorkspaceConfig Load(string? path = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        if (string.IsNullOrWhiteSpace(path))
        {
            path = environment.GetValueOrDefault(ConfigPathVariable);
        }
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var streams = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rules = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(path))
        {
            WorkspaceConfigFile.Read(path, values, streams, rules);
        }
        foreach (var (key, variable) in Variables)
        {
            if (environment.GetValueOrDefault(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }
        return WorkspaceConfigFile.Build(
            values,
            streams,
            rules,
            environment.GetValueOrDefault("AZURE_CLIENT_SECRET"),
            environment.GetValueOrDefault(AccessTokenVariable)
        );
    }

    /// <summary>Checks that queries can run: a workspace id.</summary>
    /// <exception cref="InvalidOperationException">Otherwise, naming the key and the variable to set.</exception>
    public void RequireQuery()
    {
        if (string.IsNullOrWhiteSpace(WorkspaceId))
        {
            throw new InvalidOperationException(
                "No workspace id: set 'workspaceId' in the workspace config file or the SECML_WORKSPACE_ID "
                    + "environment variable."
            );
        }
    }

    /// <summary>Checks that results can be written: a data collection endpoint and rule id.</summary>
    /// <exception cref="InvalidOperationException">Otherwise, naming the keys and variables to set.</exception>
    public void RequireIngestion()
    {
        if (DataCollectionEndpoint is null || string.IsNullOrWhiteSpace(DataCollectionRuleId))
        {
            throw new InvalidOperationException(
                "Writing results to Log Analytics needs 'dataCollectionEndpoint' (SECML_DCE) and "
                    + "'dataCollectionRuleId' "
                    + "(SECML_DCR_ID, the rule's immutable id dcr-...) in the workspace config or environment."
            );
        }
    }

    /// <summary>The settings without secrets: the client secret shows only as set or not set.</summary>
    public override string ToString() =>
        $"WorkspaceConfig {{ WorkspaceId = {WorkspaceId}, TenantId = {TenantId}, Cloud = {Cloud.Name}, "
        + $"QueryEndpoint = {EffectiveQueryEndpoint}, DataCollectionEndpoint = {DataCollectionEndpoint}, "
        + $"DataCollectionRuleId = {DataCollectionRuleId}, Streams = {Streams.Count}, DataCollectionRules = "
        + $"{DataCollectionRules.Count}, Credential = {Credential}, "
        + $"ClientId = {ClientId}, ClientSecret = {Hidden(ClientSecret)}, AccessToken = {Hidden(AccessToken)}, "
        + $"ServerCertificateSha256 = {ServerCertificateSha256 ?? "not pinned"} }}";

    private static string Hidden(string? secret) => secret is null ? "not set" : "set (hidden)";

    private static Dictionary<string, string?> ProcessEnvironment() =>
        Environment
            .GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string, StringComparer.Ordinal);
}
