namespace SecurityML.Sentinel;

/// <summary>How notebooks sign in to Azure (the <c>credential</c> setting of <see cref="WorkspaceConfig"/>).</summary>
public enum CredentialKind
{
    /// <summary><c>DefaultAzureCredential</c>: environment, workload identity, managed identity, Visual Studio (Code),
    /// Azure CLI, Azure PowerShell, azd, in that order. The default.</summary>
    Default,

    /// <summary>Device code: the notebook prints a URL and a one-time code to enter in a browser.</summary>
    DeviceCode,

    /// <summary>The Azure CLI's signed-in account (<c>az login</c>).</summary>
    AzureCli,

    /// <summary>A managed identity (system-assigned, or user-assigned with <c>clientId</c>).</summary>
    ManagedIdentity,

    /// <summary>An app registration's secret: <c>clientId</c> in the config, the secret only in
    /// <c>AZURE_CLIENT_SECRET</c>.</summary>
    ClientSecret,

    /// <summary>An access token acquired beforehand (e.g. <c>az account get-access-token</c> in a pipeline), read only
    /// from the <c>SECML_ACCESS_TOKEN</c> environment variable, never from the config file. It is used as it is for
    /// both clients and is not refreshed: for unattended runs and tests that must not open a browser. The token's
    /// audience must suit the endpoint called (Log Analytics for queries, <c>https://monitor.azure.com</c> for
    /// ingestion).</summary>
    AccessToken,
}
