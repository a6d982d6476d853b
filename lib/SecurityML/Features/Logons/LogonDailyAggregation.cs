using System.Text;
using SecurityML.Data;

namespace SecurityML.Features.Logons;

/// <summary>
/// Aggregates network logons per UTC Date × TargetDomainName × TargetUserName into <see cref="LogonDailySummary"/>
/// rows (the first step of the guided investigation's feature pipeline). Events that
/// <see cref="LogonAccountFilter.IsIncluded"/> rejects are skipped; accounts compare case-insensitively, and a summary
/// spells the domain and user as the account-day's earliest event does (times compared to the microsecond; at equal
/// times, the spelling first in code-point order), so the result does not depend on the order of the events.
/// </summary>
public static class LogonDailyAggregation
{
    /// <summary>One summary per account and day with at least one kept event, ordered by date, domain and
    /// user.</summary>
    /// <param name="logons">Logon events in any order (not modified); streamed once.</param>
    /// <returns>The summaries; empty when no event is kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logons"/> is null.</exception>
    public static IReadOnlyList<LogonDailySummary> Summarize(IEnumerable<LogonEvent> logons)
    {
        ArgumentNullException.ThrowIfNull(logons);
        return SummarizeCounted(
            logons.Select(logon =>
            {
                ArgumentNullException.ThrowIfNull(logon);
                DateTimeOffset time = logon.TimeGenerated.ToUniversalTime();
                return new CountedLogons(logon, 1, time, time);
            })
        );
    }

    /// <summary><see cref="Summarize"/> of events given in groups that share every value the
    /// summary reads but the time (<see cref="LogonDailyCsv"/> counts a file's events so): the same summaries as for
    /// the events one by one.</summary>
    internal static List<LogonDailySummary> SummarizeCounted(IEnumerable<CountedLogons> groups)
    {
        var summaries = new Dictionary<(DateOnly, string, string), Accumulator>();
        foreach (CountedLogons group in groups)
        {
            LogonEvent logon = group.Logon;
            if (!LogonAccountFilter.IsIncluded(logon))
            {
                continue;
            }
            var key = (
                DateOnly.FromDateTime(group.First.UtcDateTime),
                logon.TargetDomainName.ToUpperInvariant(),
                logon.TargetUserName.ToUpperInvariant()
            );
            if (!summaries.TryGetValue(key, out Accumulator? accumulator))
            {
                summaries[key] = accumulator = new Accumulator(key.Item1);
            }
            accumulator.Add(group);
        }
        return summaries
            .Values.Select(accumulator => accumulator.ToSummary())
            .OrderBy(summary => summary.Date)
            .ThenBy(summary => summary.TargetDomainName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(summary => summary.TargetUserName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary><paramref name="Count"/> events with the values of <paramref name="Logon"/> (its time is not read), on
    /// one UTC day: the earliest at <paramref name="First"/>, the latest at <paramref name="Last"/> (both
    /// UTC).</summary>
    internal readonly record struct CountedLogons(
        LogonEvent Logon,
        int Count,
        DateTimeOffset First,
        DateTimeOffset Last
    );

    /// <summary>
    /// <see cref="Summarize"/> of a Logons file (SecurityEvent columns, as <see cref="LogonEvent"/>) without a record
    /// per event in memory: same rows, values and order, timestamps to the microsecond. A plain CSV is read by Sep in
    /// parallel (<see cref="LogonDailyCsv"/>), Parquet and CSV files Sep leaves by the embedded SQL engine
    /// (<see cref="Data.Engines.DuckDbEngine"/>) in one statement, and a CSV file SQL could misread by
    /// <see cref="CsvDataFile"/>.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file, or a <c>.parquet</c> file or glob (e.g. <c>logons/*.parquet</c>).</param>
    /// <param name="lenientReport">CSV only. Null (default) for strict mode: a bad row throws. A report for lenient
    /// mode: bad rows are left out and recorded in it (file, line, column, reason), as
    /// <see cref="CsvDataFile.Read{T}(string, LoadReport?, DataReadOptions?)"/> does.</param>
    /// <param name="options">CSV only; null for the defaults. A named encoding other than UTF-8, a timestamp format, or
    /// a last line without a line break (when not allowed) are read by <see cref="CsvDataFile"/> instead, with the
    /// same result.</param>
    /// <exception cref="DataFormatException">A missing or repeated column, an empty file, bytes invalid in UTF-8, a
    /// line over the limit, or (strict mode) a bad row; the message names the file, line and column.</exception>
    /// <exception cref="PlatformNotSupportedException">A Parquet file where DuckDB's native library cannot load (see
    /// <see cref="Data.Engines.DuckDbEngine.IsAvailable"/>); a CSV file is then read by the .NET reader.</exception>
    public static IReadOnlyList<LogonDailySummary> SummarizeFile(
        string path,
        LoadReport? lenientReport = null,
        DataReadOptions? options = null
    ) => SummarizeFile(path, TimeRange.All, lenientReport, options);

    /// <summary>
    /// <see cref="SummarizeFile(string, LoadReport?, DataReadOptions?)"/> of the events in <paramref name="range"/>
    /// (<see cref="TimeRange.Contains"/>: start inclusive, end exclusive): the summaries
    /// <see cref="Summarize"/> gives for the events a <see cref="LocalDataProvider"/> query of that range returns.
    /// Rows outside the range are still read and checked, so a lenient report counts and drops the same rows.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file, or a <c>.parquet</c> file or glob.</param>
    /// <param name="range">The events to summarize; <see cref="TimeRange.All"/> for every event.</param>
    /// <param name="lenientReport">CSV only; null for strict mode (see the other overload).</param>
    /// <param name="options">CSV only; null for the defaults (see the other overload).</param>
    /// <exception cref="DataFormatException">As the other overload.</exception>
    public static IReadOnlyList<LogonDailySummary> SummarizeFile(
        string path,
        TimeRange range,
        LoadReport? lenientReport = null,
        DataReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(path);
        List<LogonDailySummary> summaries = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? LogonDailySql.SummarizeParquet(path, range)
            : SummarizeCsvFast(path, range, lenientReport, options, microsecondsOnly: false)
                ?? Summarize(
                        CsvDataFile
                            .Read<LogonEvent>(path, lenientReport, options)
                            .Where(logon => range.Contains(logon.TimeGenerated))
                    )
                    .ToList();
        summaries.Sort(InSummaryOrder);
        return summaries;
    }

    /// <summary>The summaries <see cref="Summarize"/> gives for the events of a CSV file in <paramref name="range"/>,
    /// equal to the .NET path's to the tick: by the Sep reader (<see cref="LogonDailyCsv"/>, which keeps ticks), else
    /// by SQL when every timestamp is a whole microsecond; null when only the .NET reader gives that (a bound between
    /// microseconds, a seventh fraction digit in a file Sep leaves, a value or file it must report).</summary>
    internal static IReadOnlyList<LogonDailySummary>? TrySummarizeCsv(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options
    )
    {
        List<LogonDailySummary>? summaries = SummarizeCsvFast(
            path,
            range,
            lenientReport,
            options,
            microsecondsOnly: true
        );
        summaries?.Sort(InSummaryOrder);
        return summaries;
    }

    // The Sep reader, then the SQL statement; null when both leave the file to the .NET reader.
    private static List<LogonDailySummary>? SummarizeCsvFast(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options,
        bool microsecondsOnly
    ) =>
        LogonDailyCsv.TrySummarize(path, range, lenientReport, options, microsecondsOnly)
        ?? LogonDailySql.SummarizeCsv(path, range, lenientReport, options, microsecondsOnly);

    private static int InSummaryOrder(LogonDailySummary left, LogonDailySummary right)
    {
        int order = left.Date.CompareTo(right.Date);
        order =
            order != 0
                ? order
                : StringComparer.OrdinalIgnoreCase.Compare(left.TargetDomainName, right.TargetDomainName);
        return order != 0 ? order : StringComparer.OrdinalIgnoreCase.Compare(left.TargetUserName, right.TargetUserName);
    }

    /// <summary>The DNS domain of a computer name: the part after the first dot; empty when there is none.</summary>
    public static string ComputerDomain(string computer)
    {
        ArgumentNullException.ThrowIfNull(computer);
        int dot = computer.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : computer[(dot + 1)..];
    }

    private sealed class Accumulator(DateOnly date)
    {
        private string _domain = "",
            _user = "";
        private long _nameMicroseconds = long.MaxValue;

        // Mutable structs, changed in place: an accumulator is one object while its sets hold one text each.
        private ValueSets _attempted;
        private ValueSets _successful;
        private int _attempts,
            _successes;
        private DateTimeOffset _first = DateTimeOffset.MaxValue,
            _last = DateTimeOffset.MinValue;
        private DateTimeOffset? _firstSuccess,
            _lastSuccess;

        public void Add(CountedLogons group)
        {
            LogonEvent logon = group.Logon;
            int previous = _attempts;
            _attempts = checked(_attempts + group.Count);
            _attempted.Add(logon);
            // Names are chosen to the microsecond, the resolution of SQL engines, so both paths pick the same event.
            long microseconds = FloorMicroseconds(group.First);
            if (
                previous == 0
                || microseconds < _nameMicroseconds
                || microseconds == _nameMicroseconds && SpelledBefore(logon)
            )
            {
                (_domain, _user, _nameMicroseconds) = (logon.TargetDomainName, logon.TargetUserName, microseconds);
            }
            _first = group.First < _first ? group.First : _first;
            _last = group.Last > _last ? group.Last : _last;
            if (logon.EventID != LogonAccountFilter.SuccessfulLogonEventId)
            {
                return;
            }
            _successes += group.Count;
            _successful.Add(logon);
            _firstSuccess = _firstSuccess is null || group.First < _firstSuccess ? group.First : _firstSuccess;
            _lastSuccess = _lastSuccess is null || group.Last > _lastSuccess ? group.Last : _lastSuccess;
        }

        // At equal times the spelling that sorts first, comparing code points (the order of UTF-8 bytes, as SQL
        // engines compare text), domain then user.
        private bool SpelledBefore(LogonEvent logon)
        {
            int order = CompareCodePoints(logon.TargetDomainName, _domain);
            return order < 0 || order == 0 && CompareCodePoints(logon.TargetUserName, _user) < 0;
        }

        public LogonDailySummary ToSummary() =>
            new()
            {
                Date = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                TargetDomainName = _domain,
                TargetUserName = _user,
                AttemptedLogons = _attempts,
                SuccessfulLogons = _successes,
                FailedLogons = _attempts - _successes,
                ComputersAttempted = _attempted.Computers.Count,
                ComputersSuccessfulAccess = _successful.Computers.Count,
                ComputerDomainsAttempted = _attempted.ComputerDomains.Count,
                ComputerDomainsSuccessfulAccess = _successful.ComputerDomains.Count,
                SourceIpAddressesAttempted = _attempted.IpAddresses.Count,
                SourceIpAddressesSuccessfulAccess = _successful.IpAddresses.Count,
                SourceHostNamesAttempted = _attempted.HostNames.Count,
                SourceHostNamesSuccessfulAccess = _successful.HostNames.Count,
                AuthenticationPackagesAttempted = _attempted.Packages.Count,
                AuthenticationPackagesSuccessful = _successful.Packages.Count,
                FirstLogon = _first,
                LastLogon = _last,
                ActiveMilliseconds = (_last - _first).TotalMilliseconds,
                FirstSuccessfulLogon = _firstSuccess,
                LastSuccessfulLogon = _lastSuccess,
                ActiveMillisecondsSuccessful =
                    _firstSuccess is { } start && _lastSuccess is { } end ? (end - start).TotalMilliseconds : 0,
            };
    }

    private static long FloorMicroseconds(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMicrosecond;

    private static int CompareCodePoints(string left, string right)
    {
        StringRuneEnumerator leftRunes = left.EnumerateRunes(),
            rightRunes = right.EnumerateRunes();
        while (true)
        {
            bool hasLeft = leftRunes.MoveNext(),
                hasRight = rightRunes.MoveNext();
            if (!hasLeft || !hasRight)
                return hasLeft.CompareTo(hasRight);
            int order = leftRunes.Current.Value.CompareTo(rightRunes.Current.Value);
            if (order != 0)
                return order;
        }
    }

    private struct ValueSets
    {
        public DistinctTexts Computers;
        public DistinctTexts ComputerDomains;
        public DistinctTexts IpAddresses;
        public DistinctTexts HostNames;
        public DistinctTexts Packages;

        public void Add(LogonEvent logon)
        {
            AddKnown(ref Computers, logon.Computer);
            AddKnown(ref ComputerDomains, ComputerDomain(logon.Computer ?? ""));
            AddKnown(ref IpAddresses, logon.IpAddress);
            AddKnown(ref HostNames, logon.WorkstationName);
            AddKnown(ref Packages, logon.AuthenticationPackageName);
        }

        private static void AddKnown(ref DistinctTexts set, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && value != "-")
            {
                set.Add(value);
            }
        }
    }

    // A set of texts compared case-insensitively (ordinal). Most account-days see one address, host, package and
    // computer domain and a few computers: the first text is a field, the next few a list, more a hash set.
    private struct DistinctTexts
    {
        private const int ListLimit = 16;
        private string? _first;
        private List<string>? _others;
        private HashSet<string>? _many;

        public readonly int Count => _many?.Count ?? (_first is null ? 0 : 1 + (_others?.Count ?? 0));

        public void Add(string text)
        {
            if (_many is not null)
            {
                _many.Add(text);
                return;
            }
            if (_first is null)
            {
                _first = text;
                return;
            }
            if (string.Equals(_first, text, StringComparison.OrdinalIgnoreCase))
                return;
            _others ??= [];
            foreach (string known in _others)
            {
                if (string.Equals(known, text, StringComparison.OrdinalIgnoreCase))
                    return;
            }
            _others.Add(text);
            if (_others.Count == ListLimit)
            {
                _many = new HashSet<string>(_others, StringComparer.OrdinalIgnoreCase) { _first };
                _others = null;
            }
        }
    }
}
