using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Tests.Data.Engines;

/// <summary>Checks that a SQL aggregate and its .NET twin agree on the same file: rows, report and errors.</summary>
public static class SqlTwin
{
    /// <summary>Writes <paramref name="csv"/> as Parquet with DuckDB's own type detection (as another tool
    /// would).</summary>
    public static void WriteParquet(string csv, string parquet)
    {
        using DuckDBConnection connection = DuckDbEngine.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    /// <summary>In lenient mode: the SQL path runs (not null), gives the same rows, and records the same rows read
    /// and dropped (file, line, column, message) as the .NET path.</summary>
    public static void SameInLenientMode<T>(
        Func<LoadReport, IReadOnlyList<T>?> sql,
        Func<LoadReport, IReadOnlyList<T>> dotnet,
        long rows,
        long dropped
    )
    {
        var expectedReport = new LoadReport();
        var expected = dotnet(expectedReport);
        var report = new LoadReport();

        sql(report).Should().NotBeNull("DuckDB reads this file").And.Equal(expected);
        report.RowCount.Should().Be(expectedReport.RowCount).And.Be(rows);
        report.DroppedRowCount.Should().Be(expectedReport.DroppedRowCount).And.Be(dropped);
        report
            .DroppedRows.Select(row => (row.FilePath, row.LineNumber, row.ColumnName, row.Message))
            .Should()
            .Equal(
                expectedReport.DroppedRows.Select(row => (row.FilePath, row.LineNumber, row.ColumnName, row.Message))
            );
    }

    /// <summary>In strict mode both paths throw the same <see cref="DataFormatException"/>.</summary>
    public static void SameErrorInStrictMode<T>(Func<IReadOnlyList<T>?> sql, Func<IReadOnlyList<T>> dotnet)
    {
        var expected = FluentActions.Invoking(dotnet).Should().Throw<DataFormatException>().Which;

        FluentActions.Invoking(sql).Should().Throw<DataFormatException>().Which.Message.Should().Be(expected.Message);
    }
}
