using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// The fast read of <see cref="CsvSqlSource"/> (no table of rejects) must fail on every row its rejects read would
/// leave out, so that a query that succeeds has read every row; a clean file reads the same either way.
/// </summary>
public sealed class CsvSqlSourceTests : IDisposable
{
    private const string Header = "TimeGenerated,EventID,Account";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public sealed record Row(string TimeGenerated, int EventID, string Account);

    [Theory]
    [InlineData("too few fields", "2024-03-04T10:00:00Z,4624")]
    [InlineData("too many fields", "2024-03-04T10:00:00Z,4624,a,b")]
    [InlineData("a line over the limit", "2024-03-04T10:00:00Z,4624,LONG")]
    [InlineData("a value of the wrong type", "2024-03-04T10:00:00Z,four,a")]
    public void Every_row_the_rejects_read_leaves_out_fails_the_fast_read(string kind, string badLine)
    {
        string line = badLine.Replace("LONG", new string('x', 300), StringComparison.Ordinal);
        string path = _folder.Write("file.csv", $"{Header}\n2024-03-04T09:00:00Z,4624,a\n{line}\n");
        var options = new DataReadOptions { MaximumLineLength = 200 };
        var source = CsvSqlSource.TryCreate<Row>(
            path,
            options,
            new Dictionary<string, string> { ["EventID"] = "INTEGER" }
        )!;
        using DuckDBConnection connection = DuckDbEngine.Open();

        long kept = Count(connection, source.TableExpression);
        long rejected = Count(connection, "reject_errors");

        (kept, rejected).Should().Be((1, 1), kind);
        FluentActions
            .Invoking(() => Count(connection, source.TableExpressionWithoutRejects))
            .Should()
            .Throw<DuckDBException>(kind);
    }

    [Fact]
    public void A_clean_file_reads_the_same_rows_either_way()
    {
        string path = _folder.Write(
            "file.csv",
            $"{Header}\n2024-03-04T09:00:00Z,4624,\"a,b\"\n2024-03-04T10:00:00Z,4625,\n"
        );
        var source = CsvSqlSource.TryCreate<Row>(
            path,
            null,
            new Dictionary<string, string> { ["EventID"] = "INTEGER" }
        )!;
        using DuckDBConnection connection = DuckDbEngine.Open();

        Count(connection, source.TableExpressionWithoutRejects).Should().Be(2);
        Count(connection, source.TableExpression).Should().Be(2);
        Count(connection, "reject_errors").Should().Be(0);
    }

    private static long Count(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        // count(EventID), not count(*): DuckDB converts only the columns a query uses.
        command.CommandText = $"SELECT count({(table == "reject_errors" ? "*" : "EventID")}) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
