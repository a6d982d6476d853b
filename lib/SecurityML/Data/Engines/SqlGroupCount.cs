using System.Data.Common;
using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// A count/first/last aggregate over a data file, run by the embedded engine (<see cref="DuckDbEngine"/>) as one
/// statement: the rows in a <see cref="TimeRange"/> (start inclusive, end exclusive, compared to the 100 ns tick as
/// <see cref="TimeRange.Contains"/> does) that pass <see cref="Filter"/>, grouped by the text columns
/// <see cref="Keys"/> as spelled (ordinal, as .NET groups strings by default) and, optionally, by UTC day; per group
/// the row count and the first and last time. Groups come in no particular order: callers order them as their .NET
/// twin does.
/// </summary>
/// <example>
/// <code>
/// var query = new SqlGroupCount { Keys = ["Account"], ByUtcDay = true };
/// var groups = query.TryCsv&lt;LogonEvent&gt;(path, range, lenientReport, options) ?? /* read with .NET */;
/// </code>
/// </example>
internal sealed record SqlGroupCount
{
    private static readonly IReadOnlyDictionary<string, string> AllText = new Dictionary<string, string>();

    /// <summary>The text columns to group by (record property names), e.g. <c>Account</c>, <c>ShareName</c>.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>True to group by the UTC day of the time as well.</summary>
    public bool ByUtcDay { get; init; }

    /// <summary>The time column (a <see cref="DateTimeOffset"/> property); default <c>TimeGenerated</c>.</summary>
    public string TimeColumn { get; init; } = "TimeGenerated";

    /// <summary>A SQL condition over the columns (as text) a row must meet to count, e.g.
    /// <c>"Account" &lt;&gt; ''</c>; null for every row. Written by the library, never from user input.</summary>
    public string? Filter { get; init; }

    /// <summary>The groups of a CSV file read as <typeparamref name="T"/> records, under the strict/lenient contract
    /// of <see cref="CsvDataFile"/> (rows DuckDB cannot split are reported by <see cref="CsvRejects"/> with file and
    /// line; every row read, in the range or not, counts in a lenient report). Null when the .NET reader must decide:
    /// options only it supports (<see cref="CsvSqlSource.TryCreate"/>), a value it would reject or read differently
    /// (<see cref="CsvValueChecks"/>), or a file DuckDB's parser gives up on (e.g. line breaks that mix <c>\n</c> and
    /// <c>\r\n</c>); nothing is recorded in <paramref name="lenientReport"/> then.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="range">The time range.</param>
    /// <param name="lenientReport">Null for strict mode (a bad row throws); a report for lenient mode.</param>
    /// <param name="options">The read options; null for the defaults.</param>
    /// <exception cref="DataFormatException">A missing or repeated column, an empty file, a line over the limit, or
    /// (strict mode) a row DuckDB cannot split into the header's fields; names the file and line.</exception>
    public IReadOnlyList<SqlGroup>? TryCsv<T>(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options
    )
    {
        if (CsvSqlSource.TryCreate<T>(path, options, AllText) is not { } source)
            return null;
        if (CsvValueChecks.RowIsReadable<T>(source.Columns) is not { } readable)
            return null;
        string time = CsvValueChecks.Identifier(TimeColumn);
        string Table(string csv) =>
            $"(SELECT *, {CsvValueChecks.Ticks("parsed", time)} AS ticks FROM (SELECT *, "
            + $"coalesce({readable}, false) AS readable, {CsvValueChecks.Timestamp(time)} AS parsed "
            + $"FROM {csv}))";
        return source
            .Read(
                (connection, csv) => Run(connection, Table(csv), range) is { Unreadable: 0 } result ? result : null,
                result => result.Rows,
                lenientReport,
                AllText
            )
            ?.Groups;
    }

    /// <summary>The groups of a Parquet file (or glob, e.g. <c>logons/*.parquet</c>): the time column is cast to
    /// <c>TIMESTAMPTZ</c> (Parquet keeps at most microseconds here), key columns to text, a missing key value
    /// (NULL) reads as empty text.</summary>
    /// <param name="path">The Parquet file or glob.</param>
    /// <param name="range">The time range.</param>
    /// <exception cref="DataFormatException">A row without a time; names the file and column.</exception>
    /// <exception cref="DuckDBException">The file is missing, not Parquet, or lacks a column.</exception>
    /// <exception cref="PlatformNotSupportedException">DuckDB cannot load here; names the file.</exception>
    public IReadOnlyList<SqlGroup> Parquet(string path, TimeRange range)
    {
        string time = CsvValueChecks.Identifier(TimeColumn);
        string keys = string.Join(
            ", ",
            Keys.Select(CsvValueChecks.Identifier).Select(key => $"coalesce(CAST({key} AS VARCHAR), '') AS {key}")
        );
        string table =
            $"(SELECT *, parsed IS NOT NULL AS readable, epoch_us(parsed) * 10 AS ticks FROM (SELECT * REPLACE "
            + $"({keys}), CAST({time} AS TIMESTAMPTZ) AS parsed FROM read_parquet({CsvSqlSource.Quote(path)})))";
        using DuckDBConnection connection = DuckDbEngine.Open(path);
        Result result = Run(connection, table, range);
        if (result.Unreadable > 0)
        {
            throw new DataFormatException(
                path,
                0,
                TimeColumn,
                $"{result.Unreadable} row(s) without a time; expected a timestamp in every row."
            );
        }
        return result.Groups;
    }

    private sealed record Result(List<SqlGroup> Groups, long Rows, long Unreadable);

    private Result Run(DuckDBConnection connection, string table, TimeRange range)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Statement(table, range);
        using DbDataReader reader = command.ExecuteReader();
        var groups = new List<SqlGroup>();
        long rows = 0,
            unreadable = 0;
        int count = Keys.Count + (ByUtcDay ? 2 : 1);
        while (reader.Read())
        {
            rows += reader.GetInt64(count);
            unreadable += reader.GetInt64(count + 3);
            if (!reader.GetBoolean(0))
                continue;
            var keys = Enumerable.Range(1, Keys.Count).Select(reader.GetString).ToList();
            DateTimeOffset first = FromTicks(reader.GetInt64(count + 1)),
                last = FromTicks(reader.GetInt64(count + 2));
            DateOnly? day = ByUtcDay ? DateOnly.FromDateTime(first.UtcDateTime) : null;
            groups.Add(new SqlGroup(keys, day, reader.GetInt64(count), first, last));
        }
        return new Result(groups, rows, unreadable);
    }

    private string Statement(string table, TimeRange range)
    {
        var kept = new List<string> { "readable", Filter ?? "true" };
        kept.Add(SqlTimeRange.Condition("ticks", range, 1));
        var groupBy = Keys.Select(CsvValueChecks.Identifier).ToList();
        if (ByUtcDay)
            groupBy.Add("date_trunc('day', parsed)");
        return $"""
            SELECT kept, {string.Join(", ", groupBy.Select(key => $"CASE WHEN kept THEN {key} END"))},
                count(*), min(ticks) FILTER (WHERE kept), max(ticks) FILTER (WHERE kept),
                count(*) FILTER (WHERE NOT readable)
            FROM (SELECT *, coalesce({string.Join(" AND ", kept.Select(part => $"({part})"))}, false) AS kept
                FROM {table})
            GROUP BY ALL
            """;
    }

    private static DateTimeOffset FromTicks(long ticks) => DateTimeOffset.UnixEpoch.AddTicks(ticks);
}
