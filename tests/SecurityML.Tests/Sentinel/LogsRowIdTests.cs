using System.Text;
using System.Text.Json;
using Azure.Core;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>The SecmlRowId column, the start index of a resumed upload, and the Retry-After limits.</summary>
public sealed class LogsRowIdTests
{
    private const string Stream = "Custom-Results_CL";

    public sealed record Row(string Entity, double Score);

    public sealed record KeyedRow(string Entity, string SecmlRowId);

    private static List<JsonElement> Batched<T>(IEnumerable<T> rows, long startIndex = 0) =>
        JsonBatcher
            .Batches(rows, 1_000_000, Stream, startIndex)
            .SelectMany(batch => batch.Failure is { } failure ? throw failure : batch.Rows)
            .Select(row => JsonDocument.Parse(row).RootElement)
            .ToList();

    private static string Id(JsonElement row) => row.GetProperty(LogsIngestionClient.RowIdColumnName).GetString()!;

    [Fact]
    public void The_id_is_the_documented_hash_of_stream_index_and_row_and_identical_rows_get_different_ids()
    {
        var rows = Batched([new Row("a", 1), new Row("a", 1), new Row("b", 2)]);

        var expected = Convert
            .ToHexString(
                System.Security.Cryptography.SHA256.HashData([
                    .. Encoding.UTF8.GetBytes(Stream),
                    0,
                    .. BitConverter.GetBytes(0L),
                    .. Encoding.UTF8.GetBytes("""{"Entity":"a","Score":1}"""),
                ])
            )[..32]
            .ToLowerInvariant();
        Id(rows[0])
            .Should()
            .Be(
                expected,
                "SHA-256 over the stream name, a 0 byte, the index (8 bytes little-endian) and the row's JSON"
            );
        rows.Select(Id).Should().OnlyHaveUniqueItems("two identical rows are two rows");
        rows[0].GetRawText().Should().Be($$"""{"Entity":"a","Score":1,"SecmlRowId":"{{expected}}"}""");
    }

    [Fact]
    public void A_resumed_upload_gives_each_row_the_id_it_had_and_a_start_beyond_the_rows_is_refused()
    {
        var rows = Enumerable.Range(0, 10).Select(index => new Row("e" + index, index)).ToList();

        Batched(rows, startIndex: 6).Select(Id).Should().Equal(Batched(rows).Skip(6).Select(Id));
        Batched(rows, startIndex: 10).Should().BeEmpty("every row was settled");
        FluentActions
            .Invoking(() => Batched(rows, startIndex: 11))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*start index 11 is beyond the 10 rows given*");
        FluentActions
            .Invoking(() => new LogsUploadOptions { StartIndex = -1 })
            .Should()
            .Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_row_with_its_own_id_keeps_it_and_a_repeated_or_empty_id_is_refused()
    {
        Batched([new KeyedRow("a", "k1"), new KeyedRow("b", "k2")]).Select(Id).Should().Equal("k1", "k2");

        FluentActions
            .Invoking(() => Batched([new KeyedRow("a", "k1"), new KeyedRow("b", "k1")]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Row 1 repeats SecmlRowId 'k1'*");
        FluentActions
            .Invoking(() => Batched([new KeyedRow("a", "")]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Row 0 has*");
        FluentActions
            .Invoking(() => Batched(["not an object"]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Row 0 is a JSON String*");
    }

    [Theory]
    [InlineData("retry-after-ms", "1500", 1.5)]
    [InlineData("x-ms-retry-after-ms", "250", 0.25)]
    [InlineData("Retry-After", "3600", 3600)]
    public void The_server_delay_is_read_from_the_headers_azure_core_reads(string header, string value, double seconds)
    {
        IngestionRetryPolicy.ServerDelay(new HeaderResponse(header, value)).Should().Be(TimeSpan.FromSeconds(seconds));
        IngestionRetryPolicy.ServerDelay(new NoBodyResponse()).Should().BeNull();
    }

    [Fact]
    public void The_client_leaves_the_callers_options_as_they_were()
    {
        var options = new LogsIngestionClientOptions();

        _ = new LogsIngestionClient(new Uri("https://127.0.0.1:1"), new StaticTokenCredential("t"), options);

        options.RetryPolicy.Should().BeNull("the client's own retry policy is used only for its pipeline");
        FluentActions
            .Invoking(() => options.UploadTimeout = TimeSpan.Zero)
            .Should()
            .Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>A response with one header.</summary>
    private sealed class HeaderResponse(string name, string value) : Azure.Response
    {
        public override int Status => 429;
        public override string ReasonPhrase => "Too Many Requests";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; } = "";

        public override void Dispose() { }

        protected override bool ContainsHeader(string headerName) =>
            string.Equals(headerName, name, StringComparison.OrdinalIgnoreCase);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [new HttpHeader(name, value)];

        protected override bool TryGetHeader(
            string headerName,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? headerValue
        )
        {
            headerValue = ContainsHeader(headerName) ? value : null;
            return headerValue is not null;
        }

        protected override bool TryGetHeaderValues(
            string headerName,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values
        )
        {
            values = ContainsHeader(headerName) ? [value] : null;
            return values is not null;
        }
    }
}
