using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.Logons;

/// <summary>
/// <see cref="LogonDailyAggregation.Summarize"/> of a Logons CSV file by a fast reader: Sep
/// (a vectorized CSV parser, MIT, github.com/nietras/Sep) reads the file in line-aligned parts, one thread each, and
/// counts the events per distinct combination of the values the summary reads (UTC day, event ID, logon type, domain,
/// user, computer, address, host, package) with their first and last time; the summaries are then built from those
/// combinations by the .NET path's own code, so the filter, keys, distinct counts and names are the .NET path's by
/// construction. Timestamps are parsed by the .NET reader's rule (<see cref="UtcTimestampConverter"/>; the common form
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c> without allocating) and kept to the microsecond, as by the SQL engine.
/// </summary>
/// <remarks>
/// Only what the .NET reader reads without a problem is read here: a file <see cref="CsvFileScan.IsPlain"/> passes
/// (UTF-8, one line per record, quotes in place, no lone carriage return) whose rows all have the header's field
/// count, are not all empty and hold values the .NET reader converts, with event IDs and logon types as plain digits.
/// On anything else the result is null, nothing is recorded, and the caller goes on with the SQL path or the .NET
/// reader, which report the row with its line and column. So also when a part counts more than
/// <see cref="MaximumCombinations"/> combinations (memory would grow with the file; DuckDB caps it and spills).
/// </remarks>
internal static partial class LogonDailyCsv
{
    // The columns read, in this order; the last six are texts.
    private static readonly string[] ColumnNames =
    [
        nameof(LogonEvent.TimeGenerated),
        nameof(LogonEvent.EventID),
        nameof(LogonEvent.LogonType),
        nameof(LogonEvent.TargetDomainName),
        nameof(LogonEvent.TargetUserName),
        nameof(LogonEvent.Computer),
        nameof(LogonEvent.IpAddress),
        nameof(LogonEvent.WorkstationName),
        nameof(LogonEvent.AuthenticationPackageName),
    ];

    /// <summary>The most combinations one part counts before the file is left to the SQL path: the memory they hold
    /// (with their texts, about 45 MB per part in the worst case) stays allocated while DuckDB reads the file next.
    /// The benchmark's 10 M events over 105,000 account-days make 110,000 per part (two parts); a file where every
    /// event has its own address peaks at 1.46 GB this way, 1.37 GB with DuckDB alone, 1.83 GB with a limit of
    /// 1,000,000 (docs/benchmarks.md).</summary>
    internal const int MaximumCombinations = 250_000;

    // The most characters of distinct texts one part holds (32 MB) before the file is left to the SQL path.
    private const long MaximumTextCharacters = 16L << 20;

    private const int FirstText = 3;
    private const int TextCount = 6;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The summaries <see cref="LogonDailyAggregation.Summarize"/> gives for the
    /// events of <paramref name="path"/> in <paramref name="range"/>, timestamps to the microsecond (with
    /// <paramref name="microsecondsOnly"/>, to the tick: equal to the .NET path's); null when this reader cannot give
    /// them (see the remarks), or when a bound of <paramref name="range"/> falls between two microseconds.</summary>
    /// <param name="path">A CSV file with the columns of <see cref="LogonEvent"/>.</param>
    /// <param name="range">The events to summarize; every row is still read and checked.</param>
    /// <param name="lenientReport">Null for strict mode; in lenient mode the rows read are counted in it (a result
    /// means no row was dropped).</param>
    /// <param name="options">The read options; null for the defaults.</param>
    /// <param name="microsecondsOnly">True to keep every tick of the timestamps instead of flooring them to the
    /// microsecond.</param>
    /// <param name="parts">The number of line-aligned parts read in parallel; null for
    /// <see cref="CsvFileScan.Parts"/> (one per core, at least 32 MiB each). Tests set it to split small
    /// files.</param>
    /// <param name="maximumCombinations">The most combinations one part may count before the file is left to the
    /// SQL path (whose memory is capped and spills to disk): <see cref="MaximumCombinations"/> unless a test sets
    /// it.</param>
    /// <exception cref="DataFormatException">The header is missing a column, repeats one, or the file is empty (the
    /// .NET reader's header checks).</exception>
    public static List<LogonDailySummary>? TrySummarize(
        string path,
        TimeRange range,
        LoadReport? lenientReport,
        DataReadOptions? options,
        bool microsecondsOnly = false,
        int? parts = null,
        int maximumCombinations = MaximumCombinations
    )
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DataReadOptions.Default;
        if (
            !SqlTimeRange.IsWhole(range.Start, SqlTimeRange.Microseconds)
            || !SqlTimeRange.IsWhole(range.End, SqlTimeRange.Microseconds)
            || !CsvFileScan.IsPlain<LogonEvent>(path, options, parts)
            || HeaderColumns(path, options) is not var (columns, fieldCount)
        )
            return null;
        var stop = new StopSignal();
        PartReader[] readers = CsvFileScan
            .Parts(path, parts)
            .Select(
                (part, index) =>
                    new PartReader(
                        new PartSettings(path, part.Start, part.Length, index == 0, columns, fieldCount),
                        new ReadSettings(range, options.MaximumLineLength, microsecondsOnly, maximumCombinations),
                        stop
                    )
            )
            .ToArray();
        CsvFileScan.InParallel(readers.Length, index => readers[index].Read());
        if (stop.Stopped)
            return null;
        List<LogonDailySummary> summaries = LogonDailyAggregation.SummarizeCounted(Merge(readers));
        lenientReport?.AddRows(readers.Sum(reader => reader.Rows));
        return summaries;
    }

    // The header's field count and the position of each column read, names compared upper-cased as CsvHelper does;
    // null when a column is not there exactly once (the .NET reader's header check has passed, so this does not happen
    // for a file it reads).
    private static (int[] Columns, int FieldCount)? HeaderColumns(string path, DataReadOptions options)
    {
        if (CsvFileScan.Header(path, options) is not var (fields, _))
            return null;
        var names = fields.Select(name => name.ToUpperInvariant()).ToList();
        int[] columns = ColumnNames
            .Select(name => name.ToUpperInvariant())
            .Select(name => names.IndexOf(name) == names.LastIndexOf(name) ? names.IndexOf(name) : -1)
            .ToArray();
        return columns.Contains(-1) ? null : (columns, names.Count);
    }

    private static SepReader Open(TextReader text) =>
        Sep.New(',')
            .Reader(options => options with { HasHeader = false, Unescape = false, DisableColCountCheck = true })
            .From(text);

    // A field's text: without its quotes, a doubled quote inside as one (copied to scratch, which must be as long as
    // the field). Quotes are in place (CsvFileScan), so a field that starts with one ends with one.
    private static ReadOnlySpan<char> Unquoted(ReadOnlySpan<char> field, Span<char> scratch)
    {
        if (field.Length < 2 || field[0] != '"')
            return field;
        ReadOnlySpan<char> inner = field[1..^1];
        if (inner.IndexOf('"') < 0)
            return inner;
        if (scratch.Length < inner.Length)
            scratch = new char[inner.Length];
        int length = 0;
        for (int index = 0; index < inner.Length; index++)
        {
            scratch[length++] = inner[index];
            if (inner[index] == '"')
                index++;
        }
        return scratch[..length];
    }

    private static IEnumerable<LogonDailyAggregation.CountedLogons> Merge(PartReader[] parts)
    {
        TextTable[] texts = Enumerable.Range(0, TextCount).Select(_ => new TextTable()).ToArray();
        var combined = new Dictionary<Combination, Times>();
        foreach (PartReader part in parts)
        {
            int[][] global = new int[TextCount][];
            for (int column = 0; column < TextCount; column++)
            {
                TextTable table = part.Texts[column];
                global[column] = new int[table.Count];
                for (int id = 0; id < table.Count; id++)
                    global[column][id] = texts[column].Add(table[id]);
            }
            foreach ((Combination local, Times times) in part.Combinations)
            {
                Combination key = local.Mapped(global);
                ref Times merged = ref CollectionsMarshal.GetValueRefOrAddDefault(combined, key, out bool seen);
                merged = seen ? merged.With(times) : times;
            }
        }
        foreach ((Combination key, Times times) in combined)
        {
            var logon = new LogonEvent
            {
                EventID = key.EventId,
                LogonType = key.LogonType,
                TargetDomainName = texts[0][key.Domain],
                TargetUserName = texts[1][key.User],
                Computer = texts[2][key.Computer],
                IpAddress = texts[3][key.Address],
                WorkstationName = texts[4][key.Host],
                AuthenticationPackageName = texts[5][key.Package],
            };
            yield return new LogonDailyAggregation.CountedLogons(
                logon,
                checked((int)times.Count),
                new DateTimeOffset(times.First, TimeSpan.Zero),
                new DateTimeOffset(times.Last, TimeSpan.Zero)
            );
        }
    }

    // 1 to 9 ASCII digits (other integer forms the .NET reader takes, such as a sign, are left to it).
    private static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length is < 1 or > 9)
            return false;
        foreach (char digit in text)
        {
            if (!char.IsAsciiDigit(digit))
                return false;
            value = value * 10 + (digit - '0');
        }
        return true;
    }
}
