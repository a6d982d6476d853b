using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace SecurityML.Sentinel;

/// <summary>The response of an upload that sent nothing (no rows): 204, no headers, no body.</summary>
internal sealed class NoBodyResponse : Response
{
    public override int Status => 204;

    public override string ReasonPhrase => "No Content (no rows to send)";

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = "";

    public override void Dispose() { }

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
