using System.Runtime.CompilerServices;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// The last policy before the transport: refuses to send a bearer token holding a control character (a CR/LF would
/// add a header on the wire), registers the token with <see cref="SecretRedaction"/>, and removes every registered
/// secret from the response body before any other policy (logging included) or the client reads it.
/// </summary>
internal sealed class RedactingPolicy : HttpPipelinePolicy
{
    private const string BearerPrefix = "Bearer ";
    private static readonly ConditionalWeakTable<ClientOptions, RedactingPolicy> Installed = new();

    /// <summary>Adds the policy to <paramref name="options"/> once (before the transport); further calls do nothing.</summary>
    public static void Install(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (Installed)
        {
            if (Installed.TryGetValue(options, out _))
            {
                return;
            }
            var policy = new RedactingPolicy();
            options.AddPolicy(policy, HttpPipelinePosition.BeforeTransport);
            Installed.Add(options, policy);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CheckToken(message);
        ProcessNext(message, pipeline);
        if (message.HasResponse && message.Response.ContentStream is { } stream && message.BufferResponse)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            stream.Dispose();
            message.Response.ContentStream = Scrub(buffer);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CheckToken(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (message.HasResponse && message.Response.ContentStream is { } stream && message.BufferResponse)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, message.CancellationToken).ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            message.Response.ContentStream = Scrub(buffer);
        }
    }

    private static void CheckToken(HttpMessage message)
    {
        if (!message.Request.Headers.TryGetValue(HttpHeader.Names.Authorization, out var value))
        {
            return;
        }
        var token = value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? value[BearerPrefix.Length..] : value;
        var position = SecretRedaction.IndexOfControlCharacter(token);
        if (position >= 0)
        {
            throw new InvalidOperationException(
                $"The access token from the credential holds a control character (code {(int)token[position]} at position "
                + $"{position} of {token.Length}); it was not sent. Check the credential, e.g. that SECML_ACCESS_TOKEN is one line.");
        }
        SecretRedaction.Register(token);
    }

    private static MemoryStream Scrub(MemoryStream buffer)
    {
        var bytes = buffer.ToArray();
        foreach (var secret in SecretRedaction.Snapshot())
        {
            bytes = Replace(bytes, Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(SecretRedaction.Replacement));
        }
        return new MemoryStream(bytes, writable: false);
    }

    private static byte[] Replace(byte[] data, byte[] secret, byte[] replacement)
    {
        var first = data.AsSpan().IndexOf(secret);
        if (first < 0)
        {
            return data;
        }
        using var output = new MemoryStream(data.Length);
        var rest = data.AsSpan();
        for (var at = first; at >= 0; at = rest.IndexOf(secret))
        {
            output.Write(rest[..at]);
            output.Write(replacement);
            rest = rest[(at + secret.Length)..];
        }
        output.Write(rest);
        return output.ToArray();
    }
}
