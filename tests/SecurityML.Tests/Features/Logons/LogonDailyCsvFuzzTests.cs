using System.Globalization;
using System.Text;
using SecurityML.Data;
using SecurityML.Features.Logons;
using Xunit.Sdk;

namespace SecurityML.Tests.Features.Logons;

/// <summary>
/// A seeded differential fuzz test of the fast Logons CSV reader (<see cref="LogonDailyCsv.TrySummarize"/>): files
/// built from the demo logons (<c>sample-data/Logons.csv</c>) with random hostile variations per file, line and field
/// (quoting, line ends, a byte order mark, white-space lines, header spellings and order, extra columns, every
/// timestamp form the .NET reader takes and forms it rejects, integer and name forms, bad rows) are summarized by the
/// fast reader with 1, 2, 3 and 7 parts, both timestamp resolutions and two ranges, and by
/// <see cref="LogonDailyAggregation.SummarizeFile(string, TimeRange, LoadReport?, DataReadOptions?)"/>; each answer
/// must be the .NET path's (<see cref="CsvDataFile"/> then <see cref="LogonDailyAggregation.Summarize"/>) or, for the
/// fast reader, null. A failure names the seed, the variations and the file's content.
/// </summary>
public sealed class LogonDailyCsvFuzzTests : IDisposable
{
    private const int FilesPerBatch = 25;

    private static readonly int[] PartCounts = [1, 2, 3, 7];
    private readonly TemporaryFolder _folder = new();

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();

    /// <summary>The batches: files with accepted variations only (4 × 25) and hostile files (8 × 25).</summary>
    public static TheoryData<string, int> Batches()
    {
        var batches = new TheoryData<string, int>();
        for (int batch = 0; batch < 4; batch++)
            batches.Add("accepted", batch);
        for (int batch = 0; batch < 8; batch++)
            batches.Add("hostile", batch);
        return batches;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Generated_files_are_summarized_as_the_dotnet_path_does_or_left_to_it(string family, int batch)
    {
        bool hostile = family == "hostile";
        int first = (hostile ? 20_000 : 10_000) + batch * FilesPerBatch;
        int answered = 0,
            acceptedFiles = 0;
        for (int seed = first; seed < first + FilesPerBatch; seed++)
        {
            FuzzFile file = FuzzFile.Generate(seed, hostile);
            acceptedFiles += file.Accepted ? 1 : 0;
            answered += Check(file) ? 1 : 0;
        }
        // Every file with accepted variations only is answered by the fast reader (Check asserts it per file).
        answered.Should().BeGreaterThanOrEqualTo(acceptedFiles);
        if (!hostile)
            answered.Should().Be(FilesPerBatch);
        else
            answered.Should().BeGreaterThan(0).And.BeLessThan(FilesPerBatch);
    }

    private const string DemoHeader =
        "TimeGenerated,EventID,Activity,Computer,Account,AccountType,TargetUserName,TargetDomainName,TargetLogonId,"
        + "LogonType,LogonProcessName,AuthenticationPackageName,WorkstationName,IpAddress,Status,SubStatus";

    private const string DemoRow =
        "2024-03-04T00:26:46.209Z,4624,act,SQL01.contoso.local,CONTOSO\\svc-sql,User,svc-sql,CONTOSO,0x1,3,"
        + "Kerberos,Kerberos,APP01,10.0.3.41,0x0,0x0";

    [Fact]
    public void A_white_space_line_over_the_line_limit_is_reported_as_the_dotnet_reader_does()
    {
        // The .NET reader reports a line over DataReadOptions.MaximumLineLength even when it is white space only
        // (strict and lenient mode: the line is not read). Found by this test: the fast reader skipped white-space
        // lines before checking the length.
        string path = _folder.Write("Logons.csv", DemoHeader + "\n" + DemoRow + "\n" + new string(' ', 1500) + "\n");
        var options = new DataReadOptions { MaximumLineLength = 1000 };
        FluentActions
            .Invoking(() => CsvDataFile.Read<LogonEvent>(path, new LoadReport(), options).ToList())
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("*longer than the limit of 1000 bytes*");

        LogonDailyCsv.TrySummarize(path, TimeRange.All, new LoadReport(), options).Should().BeNull();
        LogonDailyCsv.TrySummarize(path, TimeRange.All, null, options).Should().BeNull();
        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path, new LoadReport(), options))
            .Should()
            .Throw<DataFormatException>();
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\u0085")]
    public void A_white_space_line_before_the_header_is_passed_over_as_the_dotnet_reader_does(string blank)
    {
        // The fast reader leaves the file to SQL (a sign before the event ID, which the .NET reader takes). Found by
        // this test: DuckDB took the white-space line for the header and SummarizeFile threw DuckDBException
        // ("Referenced column TimeGenerated not found"); such a file now goes to the .NET reader.
        string path = _folder.Write(
            "Logons.csv",
            blank + "\n" + DemoHeader + "\n" + DemoRow.Replace(",4624,", ",+4624,", StringComparison.Ordinal) + "\n"
        );
        var expectedReport = new LoadReport();
        var expected = LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, expectedReport));
        LogonDailyCsv.TrySummarize(path, TimeRange.All, new LoadReport(), null).Should().BeNull();

        var report = new LoadReport();
        LogonDailyAggregation.SummarizeFile(path, report).Should().Equal(expected);
        report.RowCount.Should().Be(expectedReport.RowCount).And.Be(1);
        LogonDailyAggregation.SummarizeFile(path).Should().Equal(expected);
    }

    [Fact]
    public void In_strict_mode_a_bad_row_is_thrown_before_an_invalid_byte_after_it()
    {
        // Line 2 has a bad event ID, line 3 an invalid UTF-8 byte. The strict .NET reader throws line 2's error. Found
        // by this test: CsvFileScan.IsPlain checked the header by reading leniently up to the first good row, so the
        // bad row was passed over and line 3's error thrown; it now checks the header alone.
        string path = _folder.File("Logons.csv");
        File.WriteAllBytes(
            path,
            [
                .. Encoding.UTF8.GetBytes(
                    DemoHeader + "\n" + DemoRow.Replace(",4624,", ",x,", StringComparison.Ordinal)
                ),
                .. "\nx"u8,
                0xFF,
                .. "\n"u8,
            ]
        );
        var expected = FluentActions
            .Invoking(() => CsvDataFile.Read<LogonEvent>(path).ToList())
            .Should()
            .Throw<DataFormatException>()
            .Which;
        expected.LineNumber.Should().Be(2);

        FluentActions
            .Invoking(() => LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null))
            .Should()
            .NotThrow<DataFormatException>("only a header error may be thrown, and this file's header is good");
        FluentActions
            .Invoking(() => LogonDailyAggregation.SummarizeFile(path))
            .Should()
            .Throw<DataFormatException>()
            .Which.LineNumber.Should()
            .Be(2);
    }

    // All checks of one file; true when the fast reader answered every call.
    private bool Check(FuzzFile file)
    {
        string path = _folder.File($"logons-{file.Seed}.csv");
        File.WriteAllBytes(path, file.Bytes);
        DotNetRead strict = DotNetRead.Of(path, null, file.Options);
        DotNetRead lenient = DotNetRead.Of(path, new LoadReport(), file.Options);
        TimeRange[] ranges = [TimeRange.All, WholeMicrosecondRange(lenient.Events ?? strict.Events)];
        bool allAnswered = true;
        foreach (TimeRange range in ranges)
        {
            foreach (bool microsecondsOnly in new[] { false, true })
            {
                foreach (int parts in PartCounts)
                {
                    string call = $"TrySummarize(range {range}, microsecondsOnly {microsecondsOnly}, parts {parts}";
                    allAnswered &= Within(
                        file,
                        call + ", strict)",
                        () => CheckFast(path, file, strict, range, microsecondsOnly, parts, null)
                    );
                    allAnswered &= Within(
                        file,
                        call + ", lenient)",
                        () => CheckFast(path, file, lenient, range, microsecondsOnly, parts, new LoadReport())
                    );
                }
            }
            Within(
                file,
                $"SummarizeFile(range {range}, lenient)",
                () => CheckSummarizeFile(path, file, lenient, range, new LoadReport())
            );
        }
        Within(
            file,
            "SummarizeFile(range All, strict)",
            () => CheckSummarizeFile(path, file, strict, TimeRange.All, null)
        );
        Within(
            file,
            "TrySummarize with a bound between microseconds",
            () =>
            {
                var between = new TimeRange(ranges[1].Start.AddTicks(1), ranges[1].End.AddTicks(1));
                LogonDailyCsv.TrySummarize(path, between, null, file.Options, false, 2).Should().BeNull();
                return true;
            }
        );
        if (file.Accepted)
            Within(
                file,
                "the fast reader's answers",
                () =>
                {
                    allAnswered.Should().BeTrue("the file has accepted variations only");
                    return true;
                }
            );
        return allAnswered;
    }

    private static bool CheckFast(
        string path,
        FuzzFile file,
        DotNetRead expected,
        TimeRange range,
        bool microsecondsOnly,
        int parts,
        LoadReport? report
    )
    {
        List<LogonDailySummary>? actual;
        try
        {
            actual = LogonDailyCsv.TrySummarize(path, range, report, file.Options, microsecondsOnly, parts);
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            expected.Error.Should().NotBeNull($"TrySummarize threw where the .NET reader does not: {exception}");
            exception.Should().BeOfType<DataFormatException>($"the .NET reader threw {expected.Error}");
            exception.Message.Should().Be(expected.Error!.Message);
            return false;
        }
        if (actual is null)
        {
            if (report is not null)
                (report.RowCount, report.DroppedRowCount).Should().Be((0, 0), "a null answer records nothing");
            return false;
        }
        expected.Error.Should().BeNull("TrySummarize answered where the .NET reader throws");
        actual.Should().Equal(Expected(expected.Events!, range, microsecondsOnly));
        if (report is not null)
        {
            expected.Report!.DroppedRowCount.Should().Be(0, "an answer means no row was dropped");
            (report.RowCount, report.DroppedRowCount).Should().Be((expected.Report.RowCount, 0));
        }
        return true;
    }

    private static bool CheckSummarizeFile(
        string path,
        FuzzFile file,
        DotNetRead expected,
        TimeRange range,
        LoadReport? report
    )
    {
        IReadOnlyList<LogonDailySummary> actual;
        try
        {
            actual = LogonDailyAggregation.SummarizeFile(path, range, report, file.Options);
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            expected.Error.Should().NotBeNull($"SummarizeFile threw where the .NET reader does not: {exception}");
            exception.Should().BeOfType<DataFormatException>($"the .NET reader threw {expected.Error}");
            var thrown = (DataFormatException)exception;
            (thrown.LineNumber, thrown.ColumnName)
                .Should()
                .Be((expected.Error!.LineNumber, expected.Error.ColumnName), $"the .NET reader threw {expected.Error}");
            return true;
        }
        expected.Error.Should().BeNull("SummarizeFile answered where the .NET reader throws");
        // The fast reader and SQL keep timestamps to the microsecond, the .NET reader to the tick.
        List<LogonDailySummary> floored = Expected(expected.Events!, range, false);
        if (!actual.SequenceEqual(floored))
            actual.Should().Equal(Expected(expected.Events!, range, true));
        if (report is not null)
        {
            (report.RowCount, report.DroppedRowCount)
                .Should()
                .Be((expected.Report!.RowCount, expected.Report.DroppedRowCount));
            report
                .DroppedRows.Select(row => (row.LineNumber, row.ColumnName))
                .Should()
                .Equal(expected.Report.DroppedRows.Select(row => (row.LineNumber, row.ColumnName)));
        }
        return true;
    }

    // The .NET path: events of the range, floored to the microsecond unless microsecondsOnly.
    private static List<LogonDailySummary> Expected(
        IEnumerable<LogonEvent> events,
        TimeRange range,
        bool microsecondsOnly
    ) =>
        LogonDailyAggregation
            .Summarize(
                events
                    .Where(logon => range.Contains(logon.TimeGenerated))
                    .Select(logon =>
                        microsecondsOnly ? logon : logon with { TimeGenerated = FloorMicroseconds(logon.TimeGenerated) }
                    )
            )
            .ToList();

    private static DateTimeOffset FloorMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    // From the first quarter's time to the third quarter's (whole microseconds), so rows at and around both bounds
    // are in the file.
    private static TimeRange WholeMicrosecondRange(List<LogonEvent>? events)
    {
        var times = (events ?? []).Select(logon => logon.TimeGenerated.UtcTicks).Order().ToList();
        if (times.Count < 4)
            return new TimeRange(
                new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 3, 7, 0, 0, 0, TimeSpan.Zero)
            );
        return new TimeRange(
            FloorMicroseconds(new DateTimeOffset(times[times.Count / 4], TimeSpan.Zero)),
            FloorMicroseconds(new DateTimeOffset(times[3 * times.Count / 4], TimeSpan.Zero))
        );
    }

    // Runs one check; an assertion failure is reported with the seed, the call, the variations and the file.
    private static bool Within(FuzzFile file, string call, Func<bool> check)
    {
        try
        {
            return check();
        }
        catch (Exception exception)
        {
            throw new XunitException($"{file.Describe()}\ncall: {call}\n{exception.Message}\n{exception.StackTrace}");
        }
    }

    /// <summary>The .NET reader's answer for one file and mode: the events or the exception.</summary>
    private sealed record DotNetRead(List<LogonEvent>? Events, DataFormatException? Error, LoadReport? Report)
    {
        public static DotNetRead Of(string path, LoadReport? report, DataReadOptions? options)
        {
            try
            {
                return new(CsvDataFile.Read<LogonEvent>(path, report, options).ToList(), null, report);
            }
            catch (DataFormatException exception)
            {
                return new(null, exception, report);
            }
        }
    }

    /// <summary>One generated file: its bytes, read options, the variations applied and whether all of them are
    /// ones the fast reader must answer for.</summary>
    private sealed class FuzzFile
    {
        private static readonly Lazy<LogonEvent[]> Demo = new(() =>
            CsvDataFile.Read<LogonEvent>(Path.Combine(RepositoryPaths.SampleData, "Logons.csv")).ToArray()
        );

        private static readonly string[] Columns = typeof(LogonEvent).GetProperties().Select(p => p.Name).ToArray();

        // A character written as an invalid UTF-8 byte.
        private const char InvalidByte = '\uE000';

        private readonly Random _random;
        private readonly bool _hostile;
        private readonly SortedSet<string> _variations = new(StringComparer.Ordinal);
        private string _text = "";

        private FuzzFile(int seed, bool hostile)
        {
            (Seed, _hostile, _random) = (seed, hostile, new Random(seed));
            _hostility = hostile ? Pick(0, 0.05, 0.2, 1, 3) : 0;
        }

        private readonly double _hostility;

        public int Seed { get; }

        public bool Accepted { get; private set; } = true;

        public DataReadOptions? Options { get; private set; }

        public byte[] Bytes { get; private set; } = [];

        public static FuzzFile Generate(int seed, bool hostile)
        {
            var file = new FuzzFile(seed, hostile);
            file.Build();
            return file;
        }

        public string Describe()
        {
            var shown = new StringBuilder();
            int number = 1;
            shown.Append($"{number, 4}: ");
            foreach (char character in _text)
            {
                if (character == '\n')
                    shown.Append($"\\n\n{++number, 4}: ");
                else if (character == InvalidByte)
                    shown.Append("<0xFF>");
                else if (character == '\\')
                    shown.Append("\\\\");
                else if (character < ' ' || character > '~')
                    shown.Append($"\\u{(int)character:X4}");
                else
                    shown.Append(character);
            }
            string options = Options is null
                ? "default"
                : $"AllowUnterminatedLastLine {Options.AllowUnterminatedLastLine}, "
                    + $"MaximumLineLength {Options.MaximumLineLength}";
            return $"seed {Seed} ({(_hostile ? "hostile" : "accepted")} family; accepted variations only: {Accepted}; "
                + $"hostility {_hostility}); "
                + $"options: {options}; variations: {string.Join("; ", _variations)}\nfile (escaped, "
                + $"\\uFEFF first is a byte order mark):\n{shown}";
        }

        private void Note(string variation, bool accepted)
        {
            _variations.Add(accepted ? variation : variation + " (rejected)");
            Accepted &= accepted;
        }

        private bool Chance(double probability) => _random.NextDouble() < probability;

        // A hostile variation: never in the accepted family; in the hostile family as often as the file's hostility
        // (none, rare, as given, or three times as often) says.
        private bool Hostile(double probability) => _random.NextDouble() < probability * _hostility;

        private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

        private void Build()
        {
            double options = _random.NextDouble();
            if (options < 0.15)
            {
                Options = new DataReadOptions { AllowUnterminatedLastLine = true };
                Note("AllowUnterminatedLastLine", true);
            }
            else if (_hostility > 0 && options < 0.2)
            {
                Options = new DataReadOptions { MaximumLineLength = 1000 };
                Note("MaximumLineLength 1000", false);
            }
            if (Hostile(0.01))
            {
                Note("empty file", false);
                _text = Pick("", "\uFEFF", "\n", " \n\n");
                Bytes = Encoding.UTF8.GetBytes(_text);
                return;
            }
            List<string> columns = [.. Columns];
            if (Chance(0.5))
            {
                columns = [.. columns.OrderBy(_ => _random.Next())];
                Note("reordered columns", true);
            }
            if (Chance(0.3))
            {
                for (int extra = _random.Next(1, 3); extra > 0; extra--)
                    columns.Insert(
                        _random.Next(columns.Count + 1),
                        Pick("Extra", "extra", "Notes", "TimeGenerated2", "x")
                    );
                Note("extra columns", true);
            }
            var lines = new List<string>();
            if (Chance(0.1))
            {
                lines.Add(BlankLine());
                Note("blank line before the header", true);
            }
            lines.Add(Header(columns));
            int rows = Chance(0.03) ? 0 : _random.Next(20, 201);
            for (int row = 0; row < rows; row++)
            {
                if (Chance(0.04))
                    lines.Add(BlankLine());
                if (Options is { MaximumLineLength: 1000 } && Hostile(0.01))
                {
                    lines.Add(new string(' ', _random.Next(1001, 1500)));
                    Note("a white-space line over the line limit", false);
                }
                lines.Add(Row(columns));
            }
            _text = Join(lines);
            Bytes = Encode(_text);
        }

        private string Join(List<string> lines)
        {
            var text = new StringBuilder();
            if (Chance(0.2))
            {
                text.Append('\uFEFF');
                Note("byte order mark", true);
            }
            int endings = _random.Next(3);
            Note(new[] { "LF", "CRLF", "mixed LF and CRLF" }[endings], true);
            bool unterminated = Options is { AllowUnterminatedLastLine: true } ? Chance(0.3) : Hostile(0.15);
            if (unterminated)
                Note("last line without a line break", Options is { AllowUnterminatedLastLine: true });
            for (int index = 0; index < lines.Count; index++)
            {
                text.Append(lines[index]);
                if (index < lines.Count - 1 || !unterminated)
                    text.Append(endings == 0 || endings == 2 && Chance(0.5) ? "\n" : "\r\n");
            }
            return text.ToString();
        }

        private static byte[] Encode(string text)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            byte[] marker = Encoding.UTF8.GetBytes(InvalidByte.ToString());
            var bytes = new List<byte>(utf8.Length);
            for (int index = 0; index < utf8.Length; index++)
            {
                if (utf8.AsSpan(index).StartsWith(marker))
                {
                    bytes.Add(0xFF);
                    index += marker.Length - 1;
                }
                else
                    bytes.Add(utf8[index]);
            }
            return [.. bytes];
        }

        private string BlankLine()
        {
            Note("white-space lines", true);
            return Pick(
                "",
                " ",
                "\t",
                "   ",
                "\u00A0",
                "\u2028",
                "\u2029",
                "\u3000",
                "\u0085",
                " \u00A0\t",
                "\f",
                "\v"
            );
        }

        private string Header(List<string> columns)
        {
            var names = columns.Select(HeaderName).ToList();
            if (Hostile(0.02))
            {
                names.Add(Pick("eventid", "TimeGenerated", "TARGETUSERNAME", "Extra"));
                columns.Add("Extra");
                Note("a repeated header name", false);
            }
            if (Hostile(0.01))
            {
                int index = _random.Next(names.Count);
                names[index] = "Missing";
                Note("a missing column", false);
            }
            return string.Join(",", names);
        }

        private string HeaderName(string name)
        {
            string text = name;
            if (Chance(0.2))
            {
                text = Pick(name.ToUpperInvariant(), name.ToLowerInvariant(), RandomCase(name));
                Note("header names in other case", true);
            }
            if (Hostile(0.02) && text.IndexOfAny(['i', 'I']) >= 0)
            {
                text = text.Replace('i', '\u0131').Replace('I', '\u0131');
                Note("dotless i in a header name", false);
            }
            if (Hostile(0.01))
            {
                text = Pick(" ", "\u00A0") + text;
                Note("white space before a header name", false);
            }
            if (Chance(0.1))
            {
                Note("quoted header names", true);
                return Quote(text);
            }
            return text;
        }

        private string RandomCase(string text) =>
            string.Concat(text.Select(c => Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

        private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

        private string Row(List<string> columns)
        {
            LogonEvent logon = Demo.Value[_random.Next(Demo.Value.Length)];
            if (Hostile(0.01))
            {
                Note("a row of empty fields", false);
                return string.Join(",", columns.Select(_ => Chance(0.5) ? "" : "\"\""));
            }
            if (Hostile(0.005))
            {
                Note("a row of white-space fields", false);
                return string.Join(",", columns.Select(_ => " "));
            }
            var fields = columns.Select(column => Field(Value(column, logon))).ToList();
            if (Hostile(0.01))
            {
                if (Chance(0.5))
                    fields.RemoveAt(_random.Next(fields.Count));
                else
                    fields.Insert(_random.Next(fields.Count + 1), "x");
                Note("a wrong field count", false);
            }
            return string.Join(",", fields);
        }

        private string Field(string value)
        {
            if (Hostile(0.002))
            {
                Note("a stray quote", false);
                return Pick(value + "\"x", Quote(value) + "x", "\"" + value, "x\"" + value + "\"");
            }
            if (Hostile(0.002))
            {
                Note("a lone carriage return", false);
                return Pick(value + "\r" + value, Quote(value + "\r"));
            }
            if (Hostile(0.002))
            {
                Note("a line break inside quotes", false);
                return Quote(value + Pick("\n", "\r\n") + value);
            }
            if (Hostile(0.001))
            {
                Note("an invalid UTF-8 byte", false);
                return value + InvalidByte;
            }
            if (value.IndexOfAny([',', '"']) >= 0 || Chance(0.08))
            {
                Note("quoted fields", true);
                return Quote(value);
            }
            return value;
        }

        private string Value(string column, LogonEvent logon) =>
            column switch
            {
                nameof(LogonEvent.TimeGenerated) => Time(logon.TimeGenerated),
                nameof(LogonEvent.EventID) => Integer(Chance(0.9) ? logon.EventID : Pick(4624, 4625, 4634, 4672, 0)),
                nameof(LogonEvent.LogonType) => Integer(Chance(0.85) ? logon.LogonType : Pick(2, 3, 10, 0)),
                nameof(LogonEvent.TargetUserName) => Name(logon.TargetUserName, user: true),
                nameof(LogonEvent.TargetDomainName) => Name(logon.TargetDomainName, user: false),
                nameof(LogonEvent.Computer) => Text(logon.Computer),
                nameof(LogonEvent.IpAddress) => Text(logon.IpAddress),
                nameof(LogonEvent.WorkstationName) => Text(logon.WorkstationName),
                nameof(LogonEvent.AuthenticationPackageName) => Text(logon.AuthenticationPackageName),
                "Extra" or "extra" or "Notes" or "TimeGenerated2" or "x" => Chance(0.5) ? "" : Text("note, x"),
                _ => Chance(0.03)
                    ? ""
                    : Convert.ToString(
                        typeof(LogonEvent).GetProperty(column)!.GetValue(logon),
                        CultureInfo.InvariantCulture
                    )!,
            };

        private string Time(DateTimeOffset original)
        {
            if (Hostile(0.03))
                return RejectedTime(original);
            double roll = _random.NextDouble();
            DateTimeOffset time = roll switch
            {
                < 0.5 => original.AddTicks(_random.NextInt64(0, TimeSpan.TicksPerSecond)),
                < 0.6 => new DateTimeOffset(original.UtcDateTime.Date, TimeSpan.Zero).AddTicks(_random.Next(-20, 20)),
                < 0.64 => Pick(
                    new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(_random.Next(0, 10_000_000)),
                    new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_random.Next(0, 10_000_000))
                ),
                < 0.67 => DateTimeOffset.MinValue.AddTicks(_random.NextInt64(0, 2 * TimeSpan.TicksPerDay)),
                < 0.70 => DateTimeOffset.MaxValue.AddTicks(-_random.NextInt64(0, 2 * TimeSpan.TicksPerDay)),
                _ => original,
            };
            if (roll is >= 0.6 and < 0.7)
                Note("times before 1970 and near years 1 and 9999", true);
            return FormatTime(time);
        }

        private string FormatTime(DateTimeOffset utc)
        {
            int form = _random.Next(10);
            string separator = Chance(0.3) ? " " : "T";
            int digits = _random.Next(8);
            if (separator == " ")
                Note("a space before the time", true);
            Note($"{digits} fraction digits", true);
            TimeSpan offset = Pick(
                TimeSpan.FromHours(2),
                TimeSpan.FromMinutes(-330),
                TimeSpan.FromMinutes(345),
                TimeSpan.FromHours(-12),
                TimeSpan.FromHours(14),
                TimeSpan.Zero
            );
            DateTimeOffset local = utc;
            if (form is 5 or 6)
            {
                try
                {
                    local = utc.ToOffset(offset);
                }
                catch (ArgumentOutOfRangeException)
                {
                    offset = TimeSpan.Zero;
                }
            }
            string zone =
                offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm");
            string date = local.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string minutes = date + separator + local.DateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            string seconds = minutes + local.DateTime.ToString(":ss", CultureInfo.InvariantCulture);
            string fraction = digits == 0 ? "" : "." + (local.Ticks % TimeSpan.TicksPerSecond).ToString("D7")[..digits];
            switch (form)
            {
                case < 5:
                    Note("with and without Z", true);
                    return seconds + fraction + Pick("Z", "Z", "");
                case 5:
                    Note("offsets", true);
                    return seconds + fraction + zone;
                case 6:
                    Note("no seconds", true);
                    return minutes + Pick(zone, "Z", "");
                case 7:
                    Note("a date alone", true);
                    return utc.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                default:
                    return UtcTimestampConverter.ToText(utc);
            }
        }

        private string RejectedTime(DateTimeOffset original)
        {
            Note("timestamps in rejected or unusual forms", false);
            string canonical = UtcTimestampConverter.ToText(original);
            string seconds = original.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            return Pick(
                seconds + ".12345678Z",
                seconds + ".123456789Z",
                original.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                canonical.ToLowerInvariant(),
                " " + canonical,
                canonical + " ",
                original.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
                "",
                "2024-02-30T00:00:00Z",
                "2024-03-04T24:00:00Z",
                "2024-03-04T23:59:60Z",
                seconds
                    + Pick(
                        "+2:00",
                        "+0200",
                        "+02",
                        "+15:00",
                        "+14:01",
                        "-00:00",
                        "Z+01:00",
                        "ZZ",
                        ".Z",
                        " Z",
                        " +01:00"
                    ),
                "\uFF12\uFF10\uFF12\uFF14-03-04T10:00:00Z",
                "0000-12-31T23:59:59Z",
                "0001-01-01T00:00:00+01:00",
                "9999-12-31T23:59:59-01:00",
                canonical + "\0",
                "2024-3-4T10:00:00Z",
                "20240304T100000Z",
                "2024-03-04T10Z",
                "2024-03-04T10:00:00,5Z",
                "+2024-03-04T10:00:00Z",
                "2024-03-04T1:00:00Z",
                "2024-03-04T10:00:00.1234567+01:00",
                "2024-03-04T10:00:00.-1Z"
            );
        }

        private string Integer(int value)
        {
            string text = value.ToString(CultureInfo.InvariantCulture);
            if (Hostile(0.02))
            {
                Note("integers with sign, spaces, 10+ digits, empty or other forms", false);
                return Pick(
                    "+" + text,
                    "-" + text,
                    " " + text,
                    text + " ",
                    text.PadLeft(10, '0'),
                    text.PadLeft(12, '0'),
                    "",
                    text + ".0",
                    "99999999999",
                    "2147483648",
                    "0x3",
                    "\u0663",
                    "1e3",
                    "\t" + text,
                    "\u00A0" + text,
                    text + "\0"
                );
            }
            if (Chance(0.05))
            {
                Note("integers with leading zeros", true);
                return text.PadLeft(Math.Min(9, text.Length + _random.Next(1, 4)), '0');
            }
            return text;
        }

        private string Name(string original, bool user)
        {
            if (Chance(0.6))
                return original;
            Note("name variants (case, spaces, '-', empty, non-ASCII, '$', excluded, control characters)", true);
            return Pick(
                original.ToUpperInvariant(),
                original.ToLowerInvariant(),
                RandomCase(original),
                original + " ",
                " " + original,
                "-",
                "",
                " ",
                "\u00A0",
                original + "\u0131",
                original.Replace('i', '\u0131'),
                "\u0130" + original,
                original + "\u00DF",
                original.ToUpperInvariant() + "SS",
                original + "\U0001F600",
                original + "e\u0301",
                original + "\u00E9",
                original + "\U00010428",
                original + "\U00010400",
                original + "$",
                user
                    ? Pick(
                        "ANONYMOUS LOGON",
                        "system",
                        " SYSTEM ",
                        "LOCAL SERVICE",
                        "DWM-1",
                        "umfd-3",
                        "Network Service"
                    )
                    : Pick("NT AUTHORITY", "nt authority ", "Window Manager", "FONT DRIVER HOST"),
                "Smith, John",
                "o\"brien",
                "\"quoted\"",
                original + "\0",
                original + "\u0001",
                "\t" + original,
                original + "\u2028x",
                original + "\u0085",
                "\uFEFF" + original,
                original + "\u200B",
                original + "\u007F"
            );
        }

        private string Text(string original)
        {
            if (Chance(0.75))
                return original;
            Note("text variants", true);
            return Pick(
                original.ToUpperInvariant(),
                original.ToLowerInvariant(),
                "-",
                "",
                " ",
                "\u00A0",
                original + ".",
                original.Split('.')[0],
                original + "\u0131",
                original + "\U0001F600",
                original + ", x",
                original + "\"",
                original + "\0",
                "\t"
            );
        }
    }
}
