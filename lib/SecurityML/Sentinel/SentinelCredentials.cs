using Azure.Core;
using Azure.Identity;

namespace SecurityML.Sentinel;

/// <summary>Creates the Azure.Identity credential a <see cref="WorkspaceConfig"/> asks for.</summary>
public static class SentinelCredentials
{
    private const string ClientSecretSignIn = "Client-secret";

    /// <summary>The credential for <paramref name="config"/> (see <see cref="CredentialKind"/>).</summary>
    /// <param name="config">The settings (tenant, client id, kind; the secret from the environment).</param>
    /// <param name="deviceCodePrompt">Where device-code sign-in shows its URL and one-time code; null writes to
    /// standard error, which executed notebooks do not record.</param>
    /// <exception cref="InvalidOperationException">When the kind needs a setting that is missing (named, never
    /// shown).</exception>
    /// <exception cref="FormatException">When <c>SECML_ACCESS_TOKEN</c> holds a control character (the token is not
    /// shown).</exception>
    /// <remarks>The client secret and access token are registered with <see cref="SecretRedaction"/>, so they are
    /// removed from every message the library builds.</remarks>
    public static TokenCredential Create(WorkspaceConfig config, Action<string>? deviceCodePrompt = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        SecretRedaction.Register(config.ClientSecret, pin: true);
        SecretRedaction.Register(config.AccessToken, pin: true);
        var authorityHost = AuthorityOf(config.Cloud);
        return config.Credential switch
        {
            CredentialKind.DeviceCode => DeviceCode(config, authorityHost, deviceCodePrompt),
            CredentialKind.AzureCli => new AzureCliCredential(
                new AzureCliCredentialOptions { TenantId = config.TenantId, AuthorityHost = authorityHost }
            ),
            CredentialKind.ManagedIdentity => config.ClientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(config.ClientId)),
            CredentialKind.ClientSecret => new ClientSecretCredential(
                Require(config.TenantId, "tenantId (AZURE_TENANT_ID)", ClientSecretSignIn),
                Require(config.ClientId, "clientId (AZURE_CLIENT_ID)", ClientSecretSignIn),
                Require(config.ClientSecret, "the AZURE_CLIENT_SECRET environment variable", ClientSecretSignIn),
                new ClientSecretCredentialOptions { AuthorityHost = authorityHost }
            ),
            CredentialKind.AccessToken => new EnvironmentAccessTokenCredential(
                Require(
                    config.AccessToken,
                    $"the {WorkspaceConfig.AccessTokenVariable} environment variable",
                    "Access-token"
                )
            ),
            _ => new DefaultAzureCredential(
                new DefaultAzureCredentialOptions
                {
                    TenantId = config.TenantId,
                    ManagedIdentityClientId = config.ClientId,
                    AuthorityHost = authorityHost,
                    ExcludeInteractiveBrowserCredential = true,
                }
            ),
        };
    }

    private static DeviceCodeCredential DeviceCode(WorkspaceConfig config, Uri authorityHost, Action<string>? prompt)
    {
        // The process's real standard error, not Console.Error: inside secml that is captured into the executed
        // notebook, and the one-time code must not be written there.
        var realStandardError = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        var options = new DeviceCodeCredentialOptions
        {
            TenantId = config.TenantId,
            AuthorityHost = authorityHost,
            DeviceCodeCallback = (code, _) =>
            {
                (prompt ?? realStandardError.WriteLine)(code.Message);
                return Task.CompletedTask;
            },
        };
        if (config.ClientId is not null)
        {
            options.ClientId = config.ClientId;
        }
        return new DeviceCodeCredential(options);
    }

    private static Uri AuthorityOf(AzureMonitorCloud cloud) =>
        cloud == AzureMonitorCloud.China ? AzureAuthorityHosts.AzureChina
        : cloud == AzureMonitorCloud.UsGovernment ? AzureAuthorityHosts.AzureGovernment
        : AzureAuthorityHosts.AzurePublicCloud;

    private static string Require(string? value, string what, string kind) =>
        value ?? throw new InvalidOperationException($"{kind} sign-in needs {what}; it is not set.");
}
