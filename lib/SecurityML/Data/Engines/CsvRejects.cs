using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// The rows a <see cref="CsvSqlSource"/> query left out, from DuckDB's <c>reject_errors</c> table, under the
/// strict/lenient contract of <see cref="CsvDataFile"/>: strict (no report) throws the first bad row; lenient records
/// each bad row (one per line: a wrong number of fields before its first bad column, as the .NET reader checks) in
/// the <see cref="LoadReport"/>. Bytes invalid in UTF-8 and a line over the length limit always throw, as in the .NET
/// reader.
/// </summary>
internal static partial class CsvRejects
{
    private const string RejectsQuery = """
        SELECT line, error_type, column_name, error_message, csv_line, count(*) OVER () AS lines
        FROM (
            SELECT *, row_number() OVER (
                PARTITION BY line
                ORDER BY error_type IN ('INVALID ENCODING', 'LINE SIZE OVER MAXIMUM') DESC,
                    error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') DESC, column_idx
            ) AS rank FROM reject_errors
        )
        WHERE rank = 1
        ORDER BY line
        LIMIT 1000
        """;

    /// <summary>
    /// True when the rejects of the last query on <paramref name="connection"/> must be reported by the .NET reader
    /// instead: a rejected line of only white space (DuckDB reads it as a row with too few columns; the .NET reader
    /// skips it), or a rejected row that spans lines (DuckDB numbers rejects by records, the .NET reader by lines;
    /// <see cref="CsvFileScan"/> leaves files with a line break inside quotes to the .NET reader, but DuckDB may still
    /// take a row with a quote inside an unquoted field as open at its line end). The line break DuckDB puts before
    /// a reject's text in a CRLF file does not count.
    /// </summary>
    public static bool NeedTheDotNetReader(DuckDBConnection connection)
    {
        const string Text = "trim(csv_line, chr(13) || chr(10))";
        string spaces = CsvSqlSource.Quote(CsvValueChecks.WhiteSpace);
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SELECT count(*) FROM reject_errors WHERE trim(csv_line, {spaces}) = '' "
            + $"OR strpos({Text}, chr(10)) > 0 OR strpos({Text}, chr(13)) > 0";
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>Applies the contract to the rejects of the last query on <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection the <c>read_csv</c> query ran on.</param>
    /// <param name="source">The file read.</param>
    /// <param name="goodRows">Rows the query read without a problem (counted in a lenient report).</param>
    /// <param name="lenientReport">Null for strict mode.</param>
    /// <param name="expectedByColumn">What each typed column expects, for the message of a bad value.</param>
    /// <exception cref="DataFormatException">Strict mode and a bad row, or a problem that always throws.</exception>
    public static void Apply(
        DuckDBConnection connection,
        CsvSqlSource source,
        long goodRows,
        LoadReport? lenientReport,
        IReadOnlyDictionary<string, string> expectedByColumn
    )
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = RejectsQuery;
        using DbDataReader reader = command.ExecuteReader();
        long badRows = 0;
        var problems = new List<DataFormatException>();
        while (reader.Read())
        {
            badRows = reader.GetInt64(5);
            var (problem, alwaysThrows) = Describe(source.Path, reader, expectedByColumn);
            if (lenientReport is null || alwaysThrows)
                throw problem;
            problems.Add(problem);
        }
        if (lenientReport is null)
            return;
        lenientReport.AddRows(goodRows);
        lenientReport.AddDropped(problems, badRows);
    }

    private static (DataFormatException Problem, bool AlwaysThrows) Describe(
        string path,
        DbDataReader row,
        IReadOnlyDictionary<string, string> expectedByColumn
    )
    {
        long line = row.GetInt64(0);
        string type = row.GetString(1);
        string? column = row.IsDBNull(2) ? null : row.GetString(2);
        string message = row.GetString(3);
        string text = row.IsDBNull(4) ? "" : row.GetString(4);
        if (type is "CAST" && text.Trim().All(character => character == ','))
            return (DataFormatException.EmptyRow(path, line), false);
        if (type is "CAST" && column is not null && ConvertedValue().Match(message) is { Success: true } value)
        {
            string expected = expectedByColumn.GetValueOrDefault(column, "a value of the column's type");
            return (DataFormatException.BadValue(path, line, column, value.Groups[1].Value, expected), false);
        }
        if (type is "MISSING COLUMNS" or "TOO MANY COLUMNS" && FieldCounts().Match(message) is { Success: true } n)
        {
            string detail = $"expected {n.Groups[1].Value} fields as in the header, received {n.Groups[2].Value}.";
            return (DataFormatException.MalformedRow(path, line, detail), false);
        }
        bool alwaysThrows = type is "INVALID ENCODING" or "LINE SIZE OVER MAXIMUM";
        return (DataFormatException.MalformedRow(path, line, $"{type.ToLowerInvariant()}: {message}"), alwaysThrows);
    }

    [GeneratedRegex("""Could not convert string "(.*)" to""", RegexOptions.Singleline)]
    private static partial Regex ConvertedValue();

    [GeneratedRegex(@"Expected Number of Columns: (\d+) Found: (\d+)")]
    private static partial Regex FieldCounts();
}
