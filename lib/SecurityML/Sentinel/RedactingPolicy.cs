using System.Runtime.CompilerServices;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SecurityML.Sentinel;

/// <summary>
/// The last policy before the transport: refuses to send a bearer token holding a control character (a CR/LF would
/// add a header on the wire), registers the token with <see cref="SecretRedaction"/>, and wraps the response body in a
/// <see cref="RedactingStream"/>, so the buffering and logging policies and the client only ever read it with every
/// registered secret replaced.
/// </summary>
internal sealed class RedactingPolicy : HttpPipelinePolicy
{
    private const string BearerPrefix = "Bearer ";
    private static readonly ConditionalWeakTable<ClientOptions, RedactingPolicy> Installed = new();

    /// <summary>Adds the policy to <paramref name="options"/> once (before the transport); further calls do
    /// nothing.</summary>
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
        Redact(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CheckToken(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Redact(message);
    }

    /// <summary>Wraps the body so secrets are replaced as it is read (by the buffering and logging policies
    /// first).</summary>
    private static void Redact(HttpMessage message)
    {
        var secrets = SecretRedaction.Snapshot();
        if (message.HasResponse && message.Response.ContentStream is { } stream && secrets.Count > 0)
        {
            message.Response.ContentStream = new RedactingStream(stream, secrets);
        }
    }

    private static void CheckToken(HttpMessage message)
    {
        if (!message.Request.Headers.TryGetValue(HttpHeader.Names.Authorization, out var value))
        {
            return;
        }
        var token = value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? value[BearerPrefix.Length..]
            : value;
        if (SecretRedaction.DescribeControlCharacter(token) is { } found)
        {
            throw new InvalidOperationException(
                $"The access token from the credential holds {found}; it was not sent. Check the "
                    + "credential, e.g. that SECML_ACCESS_TOKEN is one line."
            );
        }
        SecretRedaction.Register(token);
    }
}
