using SecurityML.Data;
using SecurityML.Results;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Results;

public sealed class LocalResultsSinkTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public sealed record Result(DateTimeOffset TimeGenerated, string User, double AnomalyScore);

    private static readonly Result[] Rows =
    [
        new(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), "alice,\"x\"", 2.5),
        new(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), "<b>bob</b>", double.PositiveInfinity),
    ];

    [Theory]
    [InlineData(ResultsFileFormat.JsonLines)]
    [InlineData(ResultsFileFormat.Csv)]
    public async Task Rows_round_trip_through_the_file(ResultsFileFormat format)
    {
        var sink = new LocalResultsSink(_folder["results"], format);

        var summary = await sink.WriteAsync("AnomalousResourceAccessResult_CL", Rows);

        summary.RowCount.Should().Be(2);
        summary.Destination.Should().Be(sink.PathOf("AnomalousResourceAccessResult_CL"));
        var read =
            format == ResultsFileFormat.Csv
                ? CsvDataFile.Read<Result>(summary.Destination).ToList()
                : JsonLinesDataFile.Read<Result>(summary.Destination).ToList();
        read.Should().Equal(Rows);
        File.ReadAllText(summary.Destination).Should().Contain("2024-03-01T12:00:00Z").And.NotContain("+00:00");
    }

    [Fact]
    public async Task A_failing_row_source_leaves_the_previous_file_untouched()
    {
        var sink = new LocalResultsSink(_folder.Path);
        await sink.WriteAsync("Scores_CL", Rows);
        var before = File.ReadAllText(sink.PathOf("Scores_CL"));

        static IEnumerable<Result> Failing()
        {
            yield return Rows[0];
            throw new InvalidOperationException("source failed");
        }

        await FluentActions
            .Awaiting(() => sink.WriteAsync("Scores_CL", Failing()))
            .Should()
            .ThrowAsync<InvalidOperationException>();
        File.ReadAllText(sink.PathOf("Scores_CL")).Should().Be(before);
        Directory.GetFiles(_folder.Path).Should().ContainSingle();
    }

    [Theory]
    [InlineData("")]
    [InlineData("1table")]
    [InlineData("../escape")]
    [InlineData("name with space")]
    public void Bad_table_names_are_rejected(string name) =>
        FluentActions
            .Invoking(() => LocalResultsSink.CheckedTableName(name))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("tableName")
            .WithMessage($"*received '{name}'*");
}
