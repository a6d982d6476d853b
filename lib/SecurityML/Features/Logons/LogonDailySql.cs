using System.Data.Common;
using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.Logons;

/// <summary>
/// <see cref="LogonDailyAggregation.Summarize"/> as one DuckDB SQL statement over a Logons file (CSV or Parquet): the
/// same filter (<see cref="LogonAccountFilter"/>), keys (UTC day, upper-case domain and user), distinct counts
/// (case-insensitive, ignoring empty, white-space and <c>-</c> values) and names as first seen in the file that day.
/// Timestamps are kept to the microsecond (DuckDB's resolution). A CSV file DuckDB cannot parse, or with a timestamp
/// it cannot convert, is left to the .NET reader (same result, its speed).
/// </summary>
internal static class LogonDailySql
{
    // .NET's char.IsWhiteSpace set, for string.IsNullOrWhiteSpace and string.Trim().
    private const string WhiteSpace =
        "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        + "\u2028\u2029\u202f\u205f\u3000";

    private const string ComputerDomain =
        "CASE WHEN strpos(Computer, '.') = 0 THEN '' ELSE substr(Computer, strpos(Computer, '.') + 1) END";

    private static readonly string Spaces = CsvSqlSource.Quote(WhiteSpace);

    // The distinct-count key of a value: upper case, or NULL for '-', empty and white space (trimmed only when the
    // first character is white space: trim with a character list is the costly part).
    private static string Key(string column) =>
        $"CASE WHEN {column} = '' OR {column} = '-' THEN NULL "
        + $"WHEN strpos({Spaces}, left({column}, 1)) > 0 AND trim({column}, {Spaces}) = '' THEN NULL "
        + $"ELSE upper({column}) END";

    private static readonly string Statement = $"""
        WITH events AS (
            SELECT row_number() OVER () AS ordinal, TimeGenerated AS time, EventID = 4624 AS success,
                TargetDomainName AS domain, TargetUserName AS account, {Key("Computer")} AS computer,
                {Key(ComputerDomain)}
                    AS computer_domain,
                {Key("IpAddress")} AS address, {Key("WorkstationName")} AS host,
                {Key("AuthenticationPackageName")} AS package,
                EventID IN (4624, 4625) AND LogonType = 3
                    AND upper(trim(TargetUserName, {Spaces}))
                        NOT IN ('ANONYMOUS LOGON', 'SYSTEM', 'LOCAL SERVICE', 'NETWORK SERVICE', '-', '')
                    AND NOT ends_with(TargetUserName, '$')
                    AND NOT starts_with(upper(TargetUserName), 'DWM-')
                    AND NOT starts_with(upper(TargetUserName), 'UMFD-')
                    AND upper(trim(TargetDomainName, {Spaces}))
                        NOT IN ('NT AUTHORITY', 'WINDOW MANAGER', 'FONT DRIVER HOST') AS kept
            FROM @source
        )
        SELECT epoch_us(date_trunc('day', min(time))), arg_min(domain, ordinal), arg_min(account, ordinal),
            count(*), count(*) FILTER (WHERE success),
            {Distinct("computer")}, {Distinct("computer_domain")}, {Distinct("address")}, {Distinct("host")},
            {Distinct("package")},
            epoch_us(min(time)), epoch_us(max(time)),
            epoch_us(min(time) FILTER (WHERE success)), epoch_us(max(time) FILTER (WHERE success)),
            coalesce(bool_or(kept), false), count(*) FILTER (WHERE time IS NULL)
        FROM events
        GROUP BY CASE WHEN kept THEN date_trunc('day', time) END, CASE WHEN kept THEN upper(domain) END,
            CASE WHEN kept THEN upper(account) END
        """;

    /// <summary>The SQL types of the Logons columns the statement reads (others are text).</summary>
    public static IReadOnlyDictionary<string, string> Types { get; } =
        new Dictionary<string, string>
        {
            [nameof(LogonEvent.TimeGenerated)] = "TIMESTAMPTZ",
            [nameof(LogonEvent.EventID)] = "INTEGER",
            [nameof(LogonEvent.LogonType)] = "INTEGER",
        };

    private static IReadOnlyDictionary<string, string> Expected { get; } =
        new Dictionary<string, string>
        {
            [nameof(LogonEvent.TimeGenerated)] = UtcTimestampConverter.Expected,
            [nameof(LogonEvent.EventID)] = "a value of type Int32",
            [nameof(LogonEvent.LogonType)] = "a value of type Int32",
        };

    /// <summary>Summaries of a CSV file; null when the options need the .NET reader (see
    /// <see cref="CsvSqlSource.TryCreate"/>) or DuckDB's parser gives up on the file (e.g. line breaks that mix
    /// <c>\n</c> and <c>\r\n</c>): the .NET reader then decides.</summary>
    public static List<LogonDailySummary>? SummarizeCsv(
        string path,
        LoadReport? lenientReport,
        DataReadOptions? options
    )
    {
        if (CsvSqlSource.TryCreate<LogonEvent>(path, options, Types) is not { } source)
            return null;
        using DuckDBConnection connection = DuckDbEngine.Open();
        List<LogonDailySummary> summaries;
        long rows;
        try
        {
            (summaries, rows) = Run(connection, source.TableExpression);
        }
        catch (Exception exception) when (exception is DuckDBException or BadTimestampException)
        {
            return null;
        }
        CsvRejects.Apply(connection, source, rows, lenientReport, Expected);
        return summaries;
    }

    /// <summary>Summaries of a Parquet file (or glob); columns are cast to the record's types.</summary>
    public static List<LogonDailySummary> SummarizeParquet(string path)
    {
        using DuckDBConnection connection = DuckDbEngine.Open();
        string table =
            $"(SELECT CAST(TimeGenerated AS TIMESTAMPTZ) AS TimeGenerated, CAST(EventID AS INTEGER) AS EventID, "
            + "CAST(LogonType AS INTEGER) AS LogonType, "
            + string.Join(
                ", ",
                new[] { "TargetDomainName", "TargetUserName", "Computer", "IpAddress", "WorkstationName" }
                    .Append("AuthenticationPackageName")
                    .Select(name => $"coalesce(CAST({name} AS VARCHAR), '') AS {name}")
            )
            + $" FROM read_parquet({CsvSqlSource.Quote(path)}))";
        try
        {
            return Run(connection, table).Summaries;
        }
        catch (BadTimestampException)
        {
            throw new DataFormatException(
                path,
                0,
                nameof(LogonEvent.TimeGenerated),
                "expected a timestamp, received null."
            );
        }
    }

    private static (List<LogonDailySummary> Summaries, long Rows) Run(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Statement.Replace("@source", table, StringComparison.Ordinal);
        using DbDataReader reader = command.ExecuteReader();
        var summaries = new List<LogonDailySummary>();
        long rows = 0;
        while (reader.Read())
        {
            rows += reader.GetInt64(3);
            if (reader.GetInt64(20) > 0)
                throw new BadTimestampException();
            if (reader.GetBoolean(19))
                summaries.Add(ToSummary(reader));
        }
        return (summaries, rows);
    }

    // DuckDB's CSV reader turns a TIMESTAMPTZ it cannot convert into NULL without a reject (a TIMESTAMP would be
    // rejected but loses the offset): such a file goes to the .NET reader, which names the line.
    private sealed class BadTimestampException : Exception;

    private static string Distinct(string column) =>
        $"count(DISTINCT {column}), count(DISTINCT {column}) FILTER (WHERE success)";

    private static LogonDailySummary ToSummary(DbDataReader row)
    {
        int attempts = (int)row.GetInt64(3),
            successes = (int)row.GetInt64(4);
        DateTimeOffset first = Time(row, 15),
            last = Time(row, 16);
        DateTimeOffset? firstSuccess = row.IsDBNull(17) ? null : Time(row, 17),
            lastSuccess = row.IsDBNull(18) ? null : Time(row, 18);
        return new LogonDailySummary
        {
            Date = Time(row, 0),
            TargetDomainName = row.GetString(1),
            TargetUserName = row.GetString(2),
            AttemptedLogons = attempts,
            SuccessfulLogons = successes,
            FailedLogons = attempts - successes,
            ComputersAttempted = Count(row, 5),
            ComputersSuccessfulAccess = Count(row, 6),
            ComputerDomainsAttempted = Count(row, 7),
            ComputerDomainsSuccessfulAccess = Count(row, 8),
            SourceIpAddressesAttempted = Count(row, 9),
            SourceIpAddressesSuccessfulAccess = Count(row, 10),
            SourceHostNamesAttempted = Count(row, 11),
            SourceHostNamesSuccessfulAccess = Count(row, 12),
            AuthenticationPackagesAttempted = Count(row, 13),
            AuthenticationPackagesSuccessful = Count(row, 14),
            FirstLogon = first,
            LastLogon = last,
            ActiveMilliseconds = (last - first).TotalMilliseconds,
            FirstSuccessfulLogon = firstSuccess,
            LastSuccessfulLogon = lastSuccess,
            ActiveMillisecondsSuccessful =
                firstSuccess is { } start && lastSuccess is { } end ? (end - start).TotalMilliseconds : 0,
        };
    }

    private static int Count(DbDataReader row, int ordinal) => (int)row.GetInt64(ordinal);

    private static DateTimeOffset Time(DbDataReader row, int ordinal) =>
        DateTimeOffset.UnixEpoch.AddTicks(row.GetInt64(ordinal) * TimeSpan.TicksPerMicrosecond);
}
