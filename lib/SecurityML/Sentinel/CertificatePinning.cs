using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// Pins a server certificate by its SHA-256 thumbprint (<see cref="WorkspaceConfig.ServerCertificateSha256"/>): the
/// transport then accepts that certificate and no other, whatever the chain says. Meant for private or test endpoints
/// with a self-signed certificate (a local fake server, a lab proxy); Azure's public endpoints need no pin.
/// </summary>
internal static class CertificatePinning
{
    /// <summary>Length of a SHA-256 thumbprint in hexadecimal digits.</summary>
    public const int ThumbprintLength = 64;

    /// <summary>The thumbprint as 64 upper-case hex digits, ignoring ':', '-' and spaces; null for null or
    /// blank.</summary>
    /// <exception cref="FormatException">When it is not 64 hex digits, with the length received.</exception>
    public static string? Normalize(string? thumbprint)
    {
        if (string.IsNullOrWhiteSpace(thumbprint))
        {
            return null;
        }
        var hex = new string(thumbprint.Where(c => c is not (':' or '-' or ' ')).ToArray()).ToUpperInvariant();
        if (hex.Length != ThumbprintLength || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException(
                $"'serverCertificateSha256' must be a SHA-256 thumbprint of {ThumbprintLength} hex digits; "
                    + $"received '{thumbprint}' ({hex.Length} characters)."
            );
        }
        return hex;
    }

    /// <summary>True when <paramref name="certificate"/>'s SHA-256 thumbprint is <paramref name="thumbprint"/>
    /// (normalised).</summary>
    public static bool Matches(X509Certificate? certificate, string thumbprint) =>
        certificate is not null
        && string.Equals(
            certificate.GetCertHashString(HashAlgorithmName.SHA256),
            thumbprint,
            StringComparison.OrdinalIgnoreCase
        );

    /// <summary>An HTTP transport that accepts only the pinned certificate.</summary>
    public static HttpPipelineTransport CreateTransport(string thumbprint)
    {
        var pinned =
            Normalize(thumbprint) ?? throw new ArgumentException("A thumbprint is required.", nameof(thumbprint));
        return new HttpClientTransport(
            new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => Matches(certificate, pinned),
            }
        );
    }
}
