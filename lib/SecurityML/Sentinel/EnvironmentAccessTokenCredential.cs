using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>
/// The credential of <see cref="CredentialKind.AccessToken"/>: returns the token read from <c>SECML_ACCESS_TOKEN</c> for
/// every scope. The token lives only in this object (never in <see cref="object.ToString"/>, messages or logs).
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
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token, DateTimeOffset.UtcNow.Add(ReportedLifetime));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public override string ToString() => "EnvironmentAccessTokenCredential (SECML_ACCESS_TOKEN, hidden)";
}
