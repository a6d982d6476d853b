using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// The credential of <see cref="CredentialKind.AccessToken"/>: returns the token read from <c>SECML_ACCESS_TOKEN</c> for
/// every scope. The token lives only in this object (never in <see cref="object.ToString"/>, messages or logs). Spaces
/// and line breaks around it are trimmed; a control character inside it (CR, LF, any below U+0020, U+007F) is refused,
/// since it would put another header on the wire.
/// </summary>
internal sealed class EnvironmentAccessTokenCredential : TokenCredential
{
    /// <summary>How long the token is reported valid from each request; the policy then asks again and gets the same token.</summary>
    private static readonly TimeSpan ReportedLifetime = TimeSpan.FromMinutes(30);

    private readonly string _token;

    public EnvironmentAccessTokenCredential(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token.Trim();
        var position = SecretRedaction.IndexOfControlCharacter(_token);
        if (position >= 0)
        {
            throw new FormatException(
                $"{WorkspaceConfig.AccessTokenVariable} holds a control character (code {(int)_token[position]} at position "
                + $"{position} of {_token.Length}); expected one line of printable characters. The token is not shown.");
        }
        SecretRedaction.Register(_token);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token, DateTimeOffset.UtcNow.Add(ReportedLifetime));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public override string ToString() => "EnvironmentAccessTokenCredential (SECML_ACCESS_TOKEN, hidden)";
}
