using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// The credential of <see cref="CredentialKind.AccessToken"/>: returns the token read from <c>SECML_ACCESS_TOKEN</c>
/// for every scope. The token lives only in this object (never in <see cref="object.ToString"/>, messages or logs).
/// Spaces around it and one final line ending (<c>\n</c> or <c>\r\n</c>, as <c>az account get-access-token -o tsv</c>
/// written to a file leaves) are removed; any other control character (CR, LF, tab, any below U+0020, U+007F), inside
/// or at either end, is refused, since it would put another header on the wire or means the value is not the token.
/// </summary>
internal sealed class EnvironmentAccessTokenCredential : TokenCredential
{
    /// <summary>How long the token is reported valid from each request; the policy then asks again and gets the same
    /// token.</summary>
    private static readonly TimeSpan ReportedLifetime = TimeSpan.FromMinutes(30);

    private readonly string _token;

    public EnvironmentAccessTokenCredential(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = WithoutFinalLineEnding(token).Trim(' ');
        if (SecretRedaction.DescribeControlCharacter(_token) is { } found)
        {
            throw new FormatException(
                $"{WorkspaceConfig.AccessTokenVariable} holds {found}; expected one line of printable "
                    + "characters (one final line ending is allowed). The token is not shown."
            );
        }
        SecretRedaction.Register(_token, pin: true);
    }

    private static string WithoutFinalLineEnding(string value) =>
        value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2]
        : value.EndsWith('\n') ? value[..^1]
        : value;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token, DateTimeOffset.UtcNow.Add(ReportedLifetime));

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext,
        CancellationToken cancellationToken
    ) => new(GetToken(requestContext, cancellationToken));

    public override string ToString() => "EnvironmentAccessTokenCredential (SECML_ACCESS_TOKEN, hidden)";
}
