using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>Endpoint values may carry credentials or signatures: a rejected one is never echoed.</summary>
public sealed class EndpointSecretTests
{
    [Theory]
    [InlineData("https://user:S3cretPass@host:99999/x")]
    [InlineData("https://dce.example/path?sig=S3cretPass")]
    [InlineData("https://dce.example/#S3cretPass")]
    [InlineData("not a uri S3cretPass")]
    public void A_rejected_endpoint_is_named_but_its_value_is_not_shown(string value)
    {
        var thrown = FluentActions
            .Invoking(() => WorkspaceConfig.Load(null, new Dictionary<string, string?> { ["SECML_DCE"] = value }))
            .Should()
            .Throw<FormatException>()
            .Which;

        thrown.Message.Should().Contain("dataCollectionEndpoint").And.NotContain("S3cretPass");
    }
}
