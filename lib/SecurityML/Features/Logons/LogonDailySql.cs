using System.Data.Common;
using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.Logons;

/// <summary>
/// <see cref="LogonDailyAggregation.Summarize"/> as one DuckDB SQL statement over a Logons file (CSV or Parquet): the
/// same filter (<see cref="LogonAccountFilter"/>), keys (UTC day, upper-case domain and user), distinct counts
/// (case-insensitive, ignoring empty, white-space and <c>-</c> values) and names (those of the account-day's earliest
/// event). Timestamps are kept to the microsecond (DuckDB's resolution). A CSV file DuckDB cannot parse, or with a
/// timestamp it cannot convert, is left to the .NET reader (same result, its speed).
/// </summary>
/// <remarks>
/// Two steps, for speed: events are first counted per distinct combination of the raw values the summary uses (day,
/// names, event kind, computer, address, host, package), which a hash aggregation does at the speed of the scan; the
/// string work (case, white space, the account filter) then runs once per combination, not once per event, and the
/// summaries are built from the combinations. Days and the time range are integer arithmetic on microseconds since
/// 1970 (<c>date_trunc</c> on a <c>TIMESTAMPTZ</c> goes through the time-zone calendar and costs more than the scan).
/// </remarks>
internal static class LogonDailySql
{
    // .NET's char.IsWhiteSpace set, for string.IsNullOrWhiteSpace and string.Trim().
    private const string WhiteSpace =
        "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        + "\u2028\u2029\u202f\u205f\u3000";

    private const long MicrosecondsPerDay = 86_400_000_000;

    private const string ComputerDomain =
        "CASE WHEN strpos(computer, '.') = 0 THEN '' ELSE substr(computer, strpos(computer, '.') + 1) END";

    private static readonly string Spaces = CsvSqlSource.Quote(WhiteSpace);

    // WhiteSpace as an RE2 character class of code points (\x{85} is U+0085 in DuckDB's UTF-8 regular expressions).
    private static readonly string SpaceClass =
        "[" + string.Concat(WhiteSpace.Select(space => $"\\x{{{(int)space:x}}}")) + "]";

    // The distinct-count key of a value: upper case, or NULL for '-', empty and white space. A regular expression
    // tests for white space: trim with a character list costs ten times more.
    private static string Key(string column) =>
        $"CASE WHEN {column} = '-' OR regexp_full_match({column}, '{SpaceClass}*') THEN NULL ELSE upper({column}) END";

    // string.Trim(): trimmed only when the value starts or ends with white space.
    private static string Trimmed(string column) =>
        $"CASE WHEN regexp_matches({column}, '^{SpaceClass}|{SpaceClass}$') THEN trim({column}, {Spaces}) "
        + $"ELSE {column} END";

    private static string Statement(string table, TimeRange range) =>
        $"""
            WITH combinations AS (
                SELECT {Day("epoch_us(TimeGenerated)")} AS day, {InRange("epoch_us(TimeGenerated)", range)} AS in_range,
                    TargetDomainName AS domain, TargetUserName AS account, EventID = 4624 AS success,
                    EventID IN (4624, 4625) AND LogonType = 3 AS logon, Computer AS computer, IpAddress AS address,
                    WorkstationName AS host, AuthenticationPackageName AS package, count(*) AS events,
                    min(TimeGenerated) AS first, max(TimeGenerated) AS last
                FROM {table}
                GROUP BY ALL
            ),
            keyed AS (
                SELECT day, domain, account, success, events, first, last,
                    logon AND in_range
                        AND upper({Trimmed("account")})
                            NOT IN ('ANONYMOUS LOGON', 'SYSTEM', 'LOCAL SERVICE', 'NETWORK SERVICE', '-', '')
                        AND NOT ends_with(account, '$')
                        AND NOT starts_with(upper(account), 'DWM-')
                        AND NOT starts_with(upper(account), 'UMFD-')
                        AND upper({Trimmed("domain")})
                            NOT IN ('NT AUTHORITY', 'WINDOW MANAGER', 'FONT DRIVER HOST') AS kept,
                    {Key("computer")} AS computer, {Key(ComputerDomain)} AS computer_domain,
                    {Key("address")} AS address, {Key("host")} AS host, {Key("package")} AS package
                FROM combinations
            )
            SELECT min(day), arg_min(domain, (first, domain, account)), arg_min(account, (first, domain, account)),
                sum(events)::BIGINT, coalesce(sum(events) FILTER (WHERE success), 0)::BIGINT,
                {Distinct("computer")}, {Distinct("computer_domain")}, {Distinct("address")}, {Distinct("host")},
                {Distinct("package")},
                epoch_us(min(first)), epoch_us(max(last)),
                epoch_us(min(first) FILTER (WHERE success)), epoch_us(max(last) FILTER (WHERE success)),
                coalesce(bool_or(kept), false), coalesce(sum(events) FILTER (WHERE day IS NULL), 0)::BIGINT
            FROM keyed
            GROUP BY CASE WHEN kept THEN day END, CASE WHEN kept THEN upper(domain) END,
                CASE WHEN kept THEN upper(account) END
            """;

    // The UTC day (microseconds since 1970) of a time in microseconds, floored also before 1970.
    private static string Day(string microseconds) =>
        $"{microseconds} - ((({microseconds} % {MicrosecondsPerDay}) + {MicrosecondsPerDay}) % {MicrosecondsPerDay})";

    // TimeRange.Contains on microseconds: t >= start and t < end (ticks), i.e. t >= ceil(start / 10 ticks) and
    // t < ceil(end / 10 ticks); an end of DateTimeOffset.MaxValue has no bound.
    private static string InRange(string microseconds, TimeRange range)
    {
        var bounds = new List<string>();
        if (range.Start != DateTimeOffset.MinValue)
            bounds.Add($"{microseconds} >= {CeilingMicroseconds(range.Start)}");
        if (range.End != DateTimeOffset.MaxValue)
            bounds.Add($"{microseconds} < {CeilingMicroseconds(range.End)}");
        return bounds.Count == 0 ? "true" : string.Join(" AND ", bounds);
    }

    private static string CeilingMicroseconds(DateTimeOffset time)
    {
        long ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long microseconds = ticks / TimeSpan.TicksPerMicrosecond + (ticks % TimeSpan.TicksPerMicrosecond > 0 ? 1 : 0);
        return microseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

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
        TimeRange range,
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
            (summaries, rows) = Run(connection, source.TableExpression, range);
        }
        catch (Exception exception) when (exception is DuckDBException or BadTimestampException)
        {
            return null;
        }
        CsvRejects.Apply(connection, source, rows, lenientReport, Expected);
        return summaries;
    }

    /// <summary>Summaries of a Parquet file (or glob); columns are cast to the record's types.</summary>
    public static List<LogonDailySummary> SummarizeParquet(string path, TimeRange range)
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
            return Run(connection, table, range).Summaries;
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

    private static (List<LogonDailySummary> Summaries, long Rows) Run(
        DuckDBConnection connection,
        string table,
        TimeRange range
    )
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Statement(table, range);
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
