using Azure.Core;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary><c>SECML_ACCESS_TOKEN</c>: what is trimmed, what is refused; and redaction that does not forget a live
/// secret.</summary>
public sealed class AccessTokenTrimTests
{
    private const string Token = "eyJ0eXAi.trim-test-token.c2lnbmF0dXJl";

    [Theory]
    [InlineData(Token + "\n")]
    [InlineData(Token + "\r\n")]
    [InlineData("  " + Token + "  ")]
    public void One_final_line_ending_and_surrounding_spaces_are_removed(string value)
    {
        new EnvironmentAccessTokenCredential(value)
            .GetToken(new TokenRequestContext(["scope"]), default)
            .Token.Should()
            .Be(Token);
    }

    [Theory]
    [InlineData(Token + "\r")]
    [InlineData(Token + "\n\n")]
    [InlineData("\n" + Token)]
    [InlineData(Token + "\t")]
    [InlineData("\t" + Token)]
    public void Any_other_control_character_even_at_either_end_is_refused_without_showing_the_token(string value)
    {
        var refused = FluentActions
            .Invoking(() => new EnvironmentAccessTokenCredential(value))
            .Should()
            .Throw<FormatException>()
            .Which;

        refused
            .Message.Should()
            .Contain(WorkspaceConfig.AccessTokenVariable)
            .And.Contain("control character")
            .And.NotContain("trim-test");
    }

    [Fact]
    public void A_pinned_secret_and_the_recent_tokens_stay_redacted_after_many_others()
    {
        var pinned = "pinned-secret-" + Guid.NewGuid().ToString("N");
        SecretRedaction.Register(pinned, pin: true);
        var first = "wire-token-" + Guid.NewGuid().ToString("N");
        SecretRedaction.Register(first);
        var later = Enumerable.Range(0, 100).Select(_ => "wire-token-" + Guid.NewGuid().ToString("N")).ToList();
        later.ForEach(token => SecretRedaction.Register(token));

        SecretRedaction
            .Redact($"a {pinned} b {first} c {later[^1]}")
            .Should()
            .Be(
                "a [redacted] b [redacted] c [redacted]",
                "100 tokens are far below the capacity; nothing live is forgotten"
            );
    }
}
