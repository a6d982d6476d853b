using System.Text;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

public sealed class RedactingStreamTests
{
    /// <summary>A body that hands out at most <c>step</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(step, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Secrets_split_across_reads_at_the_start_and_at_the_end_are_replaced(int step)
    {
        const string Token = "eyJ0.TOKEN-value.sig",
            Secret = "client~SECRET~1234";
        var body = $"{Token} said: Authorization: Bearer {Token}; secret={Secret}, again {Secret}{Token}";
        string[] secrets = [Token, Secret];

        var read = await ReadAllAsync(
            new RedactingStream(new TrickleStream(Encoding.UTF8.GetBytes(body), step), secrets)
        );
        using var syncStream = new RedactingStream(new TrickleStream(Encoding.UTF8.GetBytes(body), step), secrets);
        using var reader = new StreamReader(syncStream);

        var expected = body.Replace(Token, "[redacted]", StringComparison.Ordinal)
            .Replace(Secret, "[redacted]", StringComparison.Ordinal);
        read.Should().Be(expected);
        reader.ReadToEnd().Should().Be(expected);
        expected
            .Should()
            .Be("[redacted] said: Authorization: Bearer [redacted]; secret=[redacted], again [redacted][redacted]");
    }

    [Fact]
    public async Task A_body_without_secrets_and_an_empty_body_pass_unchanged()
    {
        var text = string.Concat(Enumerable.Repeat("{\"rows\":[[1,\"eyJ0.TOKEN-valu\"]]}", 5000));

        (
            await ReadAllAsync(
                new RedactingStream(new TrickleStream(Encoding.UTF8.GetBytes(text), 4096), ["eyJ0.TOKEN-value.sig"])
            )
        )
            .Should()
            .Be(text, "a prefix of a secret is not a secret");
        (await ReadAllAsync(new RedactingStream(new MemoryStream(), ["eyJ0.TOKEN-value.sig"]))).Should().BeEmpty();
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using (stream)
        {
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }
    }
}
