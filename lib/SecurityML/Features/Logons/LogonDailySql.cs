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
    private const string WhiteSpace = CsvValueChecks.WhiteSpace;

    private const long MicrosecondsPerDay = 86_400_000_000;

    private const string Earliest = CsvValueChecks.Earliest;
    private const string Latest = CsvValueChecks.Latest;

    private const string ComputerDomain =
        "CASE WHEN strpos(computer, '.') = 0 THEN '' ELSE substr(computer, strpos(computer, '.') + 1) END";

    private static readonly string Spaces = CsvSqlSource.Quote(WhiteSpace);

    // WhiteSpace as an RE2 character class of code points (\x{85} is U+0085 in DuckDB's UTF-8 regular expressions).
    private static readonly string SpaceClass =
        "[" + string.Concat(WhiteSpace.Select(space => $"\\x{{{(int)space:x}}}")) + "]";

    // The distinct-count key of a value: upper case, or NULL for '-', empty and white space. A regular expression
    // tests for white space: trim with a character list costs ten times more.
    private static string Key(string column) =>
        $"CASE WHEN {column} = '-' OR regexp_full_match({column}, '{SpaceClass}*') THEN NULL ELSE {Upper(column)} END";

    // string.ToUpperInvariant(): DuckDB's upper() also maps the dotless ı (U+0131) to I, which .NET's invariant
    // casing leaves alone (so bıll and BILL are two accounts there); values holding one are upper-cased piece by piece
    // around it (combinations are few, so the cost does not matter).
    private static string Upper(string column) =>
        $"CASE WHEN strpos({column}, 'ı') = 0 THEN upper({column}) "
        + $"ELSE array_to_string(list_transform(string_split({column}, 'ı'), piece -> upper(piece)), 'ı') END";

    // LogonAccountFilter's names as upper-case SQL literals, for NOT IN.
    private static string UpperList(IEnumerable<string> names) =>
        string.Join(", ", names.Select(name => CsvSqlSource.Quote(name.ToUpperInvariant())));

    private static readonly string Prefixes = string.Join(
        " ",
        LogonAccountFilter.ExcludedUserPrefixes.Select(prefix =>
            $"AND NOT starts_with({Upper("account")}, {CsvSqlSource.Quote(prefix)})"
        )
    );

    // string.Trim(): trimmed only when the value starts or ends with white space.
    private static string Trimmed(string column) =>
        $"CASE WHEN regexp_matches({column}, '^{SpaceClass}|{SpaceClass}$') THEN trim({column}, {Spaces}) "
        + $"ELSE {column} END";

    // time: a TIMESTAMPTZ expression; event_id and logon_type are read as text and checked once per combination.
    private static string Statement(string table, string time, TimeRange range) =>
        $"""
            WITH events AS (
                SELECT {time} AS time, TargetDomainName AS domain, TargetUserName AS account,
                    EventID AS event_text, LogonType AS logon_type_text, Computer AS computer, IpAddress AS address,
                    WorkstationName AS host, AuthenticationPackageName AS package
                FROM {table}
            ),
            combinations AS (
                SELECT {Day("epoch_us(time)")} AS day, {InRange(range)} AS in_range, domain, account,
                    event_text, logon_type_text, computer, address, host, package, count(*) AS events,
                    min(time) AS first, max(time) AS last,
                    count(*) FILTER (WHERE time IS NULL OR time NOT BETWEEN {Earliest} AND {Latest})
                        AS bad_times
                FROM events
                GROUP BY ALL
            ),
            typed AS (
                SELECT *, {CsvValueChecks.IntegerValue("event_text")} AS event_id,
                    {CsvValueChecks.IntegerValue("logon_type_text")} AS logon_type
                FROM combinations
            ),
            keyed AS (
                SELECT day, domain, account, event_id = 4624 AS success, events, first, last, bad_times,
                    CASE WHEN event_id IS NULL THEN events ELSE 0 END AS bad_event_ids,
                    CASE WHEN logon_type IS NULL THEN events ELSE 0 END AS bad_logon_types,
                    event_id IN (4624, 4625) AND logon_type = 3 AND in_range
                        AND {Upper(Trimmed("account"))} NOT IN ({UpperList(LogonAccountFilter.ExcludedUserNames)})
                        AND NOT ends_with(account, '$')
                        {Prefixes}
                        AND {Upper(Trimmed("domain"))} NOT IN ({UpperList(
                LogonAccountFilter.ExcludedDomainNames
            )}) AS kept,
                    {Key("computer")} AS computer, {Key(ComputerDomain)} AS computer_domain,
                    {Key("address")} AS address, {Key("host")} AS host, {Key("package")} AS package
                FROM typed
            )
            SELECT min(day), arg_min(domain, (first, domain, account)), arg_min(account, (first, domain, account)),
                sum(events)::BIGINT, coalesce(sum(events) FILTER (WHERE success), 0)::BIGINT,
                {Distinct("computer")}, {Distinct("computer_domain")}, {Distinct("address")}, {Distinct("host")},
                {Distinct("package")},
                epoch_us(min(first)), epoch_us(max(last)),
                epoch_us(min(first) FILTER (WHERE success)), epoch_us(max(last) FILTER (WHERE success)),
                coalesce(bool_or(kept), false), sum(bad_times)::BIGINT, sum(bad_event_ids)::BIGINT,
                sum(bad_logon_types)::BIGINT
            FROM keyed
            GROUP BY CASE WHEN kept THEN day END, CASE WHEN kept THEN {Upper("domain")} END,
                CASE WHEN kept THEN {Upper("account")} END
            """;

    // The UTC day (microseconds since 1970) of a time in microseconds, floored also before 1970.
    private static string Day(string microseconds) =>
        $"{microseconds} - ((({microseconds} % {MicrosecondsPerDay}) + {MicrosecondsPerDay}) % {MicrosecondsPerDay})";

    private static string InRange(TimeRange range) =>
        SqlTimeRange.Condition("epoch_us(time)", range, SqlTimeRange.Microseconds);

    // Every column is read as text: values are checked by the statement (CsvValueChecks: the forms .NET reads), so
    // the reader itself rejects only rows of the wrong shape (field count, quoting, encoding, length).
    private static readonly IReadOnlyDictionary<string, string> TextColumns = new Dictionary<string, string>();

    /// <summary>Summaries of a CSV file; null when a bound of <paramref name="range"/> falls between two microseconds,
    /// the options need the .NET reader (see
    /// <see cref="CsvSqlSource.TryCreate"/>), a value is outside what the statement checks (it is the .NET reader
    /// that reports it, with its line), or DuckDB's parser gives up on the file (e.g. line breaks that mix <c>\n</c>
    /// and <c>\r\n</c>): the .NET reader then decides. With <paramref name="microsecondsOnly"/>, also null when a
    /// timestamp has a seventh fraction digit other than 0, so that the result equals the .NET path's to the tick.
    /// </summary>
    public static List<LogonDailySummary>? SummarizeCsv(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options,
        bool microsecondsOnly = false
    )
    {
        // The .NET reader keeps ticks: a bound between two microseconds is only exact there.
        if (
            !SqlTimeRange.IsWhole(range.Start, SqlTimeRange.Microseconds)
            || !SqlTimeRange.IsWhole(range.End, SqlTimeRange.Microseconds)
        )
            return null;
        if (CsvSqlSource.TryCreate<LogonEvent>(path, options, TextColumns) is not { } source)
            return null;
        // One cast per row (CsvValueChecks.Timestamp casts twice to check the range; the statement checks it per
        // combination of values instead).
        string time = CsvValueChecks.IsoTimestamp(nameof(LogonEvent.TimeGenerated), microsecondsOnly);
        return source
            .Read(
                (connection, table) =>
                    Run(connection, table, time, range) is { HasBadValues: false } result ? result : null,
                result => result.Rows,
                lenientReport,
                TextColumns
            )
            ?.Summaries;
    }

    /// <summary>Summaries of a Parquet file (or glob); the time column is cast to TIMESTAMPTZ and every other column
    /// read as text, so an event ID or logon type that is not an integer (including NULL) is an error, as a missing
    /// timestamp is.</summary>
    public static List<LogonDailySummary> SummarizeParquet(string path, TimeRange range)
    {
        using DuckDBConnection connection = DuckDbEngine.Open(path);
        string table =
            $"(SELECT CAST(TimeGenerated AS TIMESTAMPTZ) AS TimeGenerated, "
            + "CAST(EventID AS VARCHAR) AS EventID, CAST(LogonType AS VARCHAR) AS LogonType, "
            + string.Join(
                ", ",
                new[] { "TargetDomainName", "TargetUserName", "Computer", "IpAddress", "WorkstationName" }
                    .Append("AuthenticationPackageName")
                    .Select(name => $"coalesce(CAST({name} AS VARCHAR), '') AS {name}")
            )
            + $" FROM read_parquet({CsvSqlSource.Quote(path)}))";
        Result result = Run(connection, table, nameof(LogonEvent.TimeGenerated), range);
        (string Column, long Count, string Expected)[] problems =
        [
            (nameof(LogonEvent.TimeGenerated), result.BadTimes, "a timestamp between years 1 and 9999"),
            (nameof(LogonEvent.EventID), result.BadEventIds, "an integer event ID"),
            (nameof(LogonEvent.LogonType), result.BadLogonTypes, "an integer logon type"),
        ];
        foreach ((string column, long count, string expected) in problems.Where(problem => problem.Count > 0))
        {
            throw new DataFormatException(
                path,
                0,
                column,
                $"expected {expected} in every row; {count:N0} row(s) hold null or another value."
            );
        }
        return result.Summaries;
    }

    private static Result Run(DuckDBConnection connection, string table, string time, TimeRange range)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Statement(table, time, range);
        using DbDataReader reader = command.ExecuteReader();
        var result = new Result();
        while (reader.Read())
        {
            result.Rows += reader.GetInt64(3);
            result.BadTimes += reader.GetInt64(20);
            result.BadEventIds += reader.GetInt64(21);
            result.BadLogonTypes += reader.GetInt64(22);
            if (reader.GetBoolean(19) && !result.HasBadValues)
                result.Summaries.Add(ToSummary(reader));
        }
        return result;
    }

    private sealed class Result
    {
        public List<LogonDailySummary> Summaries { get; } = [];
        public long Rows { get; set; }
        public long BadTimes { get; set; }
        public long BadEventIds { get; set; }
        public long BadLogonTypes { get; set; }
        public bool HasBadValues => BadTimes + BadEventIds + BadLogonTypes > 0;
    }

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
