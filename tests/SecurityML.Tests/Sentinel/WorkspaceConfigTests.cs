using SecurityML.Sentinel;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

public sealed class WorkspaceConfigTests
{
    private const string File = """
        {
          // comments are allowed
          "workspaceId": "11111111-2222-3333-4444-555555555555",
          "tenantId": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          "cloud": "AzureUSGovernment",
          "dataCollectionEndpoint": "https://my-dce-abcd.usgovvirginia-1.ingest.monitor.azure.us",
          "dataCollectionRuleId": "dcr-0123456789abcdef0123456789abcdef",
          "streams": { "AnomalousResourceAccessResult_CL": "Custom-AnomalousResourceAccess" },
          "dataCollectionRules": { "Thresholds": "dcr-fedcba9876543210fedcba9876543210" },
          "credential": "managedIdentity",
          "clientId": "99999999-0000-0000-0000-000000000000"
        }
        """;

    [Fact]
    public void Reads_the_file_and_lets_environment_variables_override_it()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        System.IO.File.WriteAllText(path, File);

        var config = WorkspaceConfig.Load(
            null,
            new Dictionary<string, string?>
            {
                [WorkspaceConfig.ConfigPathVariable] = path,
                ["SECML_WORKSPACE_ID"] = "from-environment",
                ["SECML_CREDENTIAL"] = "AzureCli",
            }
        );

        config.WorkspaceId.Should().Be("from-environment");
        config.TenantId.Should().Be("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        config.Cloud.Should().Be(AzureMonitorCloud.UsGovernment);
        config.EffectiveQueryEndpoint.Should().Be(new Uri("https://api.loganalytics.us"));
        config.DataCollectionRuleId.Should().Be("dcr-0123456789abcdef0123456789abcdef");
        config.Streams.Should().Contain("AnomalousResourceAccessResult_CL", "Custom-AnomalousResourceAccess");
        config
            .DataCollectionRules.Should()
            .Equal(new Dictionary<string, string> { ["Thresholds"] = "dcr-fedcba9876543210fedcba9876543210" });
        config.Credential.Should().Be(CredentialKind.AzureCli);
        config.ClientId.Should().Be("99999999-0000-0000-0000-000000000000");
    }

    [Fact]
    public void Every_credential_kind_creates_its_azure_identity_credential()
    {
        foreach (
            var (kind, typeName) in new[]
            {
                (CredentialKind.Default, "DefaultAzureCredential"),
                (CredentialKind.DeviceCode, "DeviceCodeCredential"),
                (CredentialKind.AzureCli, "AzureCliCredential"),
                (CredentialKind.ManagedIdentity, "ManagedIdentityCredential"),
                (CredentialKind.ClientSecret, "ClientSecretCredential"),
                (CredentialKind.AccessToken, "EnvironmentAccessTokenCredential"),
            }
        )
        {
            var config = new WorkspaceConfig
            {
                Credential = kind,
                TenantId = "t",
                ClientId = "c",
            };
            var environment = new Dictionary<string, string?>
            {
                ["SECML_CREDENTIAL"] = kind.ToString(),
                ["AZURE_TENANT_ID"] = "t",
                ["AZURE_CLIENT_ID"] = "c",
                ["AZURE_CLIENT_SECRET"] = "s",
                [WorkspaceConfig.AccessTokenVariable] = "token",
            };
            SentinelCredentials
                .Create(WorkspaceConfig.Load(null, environment))
                .GetType()
                .Name.Should()
                .Be(typeName, config.ToString());
        }
    }

    [Fact]
    public void Bad_values_name_the_setting_and_the_accepted_values()
    {
        FluentActions
            .Invoking(() =>
                WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_CREDENTIAL"] = "password" })
            )
            .Should()
            .Throw<FormatException>()
            .WithMessage("*Default, DeviceCode, AzureCli, ManagedIdentity, ClientSecret, AccessToken]*'password'*");
        FluentActions
            .Invoking(() => WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_CLOUD"] = "Mars" }))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*AzurePublicCloud*'Mars'*");
        FluentActions
            .Invoking(() =>
                WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_DCE"] = "http://dce" })
            )
            .Should()
            .Throw<FormatException>()
            .WithMessage("*dataCollectionEndpoint*https*");
        FluentActions
            .Invoking(() => WorkspaceConfig.Load("/nonexistent/workspace.json", new Dictionary<string, string?>()))
            .Should()
            .Throw<FileNotFoundException>();
    }

    [Theory]
    [InlineData("\"dataCollectionRules\": [\"dcr-1\"]", "'dataCollectionRules' must be an object")]
    [InlineData(
        "\"dataCollectionRules\": { \"Thresholds\": 3 }",
        "'dataCollectionRules.Thresholds' must be a data collection rule"
    )]
    public void A_malformed_rule_map_is_refused_naming_the_key(string property, string expected)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "workspace.json");
        System.IO.File.WriteAllText(path, "{ " + property + " }");

        FluentActions
            .Invoking(() => WorkspaceConfig.Load(path, new Dictionary<string, string?>()))
            .Should()
            .Throw<FormatException>()
            .WithMessage($"*{path}*{expected}*");
    }
}
