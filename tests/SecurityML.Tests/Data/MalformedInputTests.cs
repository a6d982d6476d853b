using System.Text;
using SecurityML.Data;

namespace SecurityML.Tests.Data;

/// <summary>
/// The malformed-input corpus of issue 12, fed to every loader: each case is input bytes, the loader, the options
/// and the verdict: the values read, or an error naming line and column (strict), which lenient mode either reports
/// and skips (a bad row) or also throws (a bad file: header, encoding of a CSV, byte order mark).
/// </summary>
public sealed class MalformedInputTests
{
    private const string SignInHeader = "TimeGenerated,UserPrincipalName,IPAddress,Location,AppDisplayName,ResultType";

    private static string SignIn(string user, string time = "2024-03-04T08:00:00Z") =>
        $"{time},{user},10.0.0.1,DE,Portal,0";

    private static string Ocsf(string user, string endpoint = """{"ip":"10.0.0.1"}""") =>
        $$$"""{"class_uid":4001,"category_uid":4,"time":1709539200000,"actor":{"user":{"name":"{{{user}}}"}},"src_endpoint":{{{endpoint}}}}""";

    private static string Label(string start) =>
        $$"""{"Entity":"anna","WindowStart":"{{start}}","WindowEnd":"2030-01-01T00:00:00Z"}""";

    private static readonly Encoding Windows1252 = DataReadOptions.EncodingFromName("windows-1252");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bom(string text) => [0xEF, 0xBB, 0xBF, .. Utf8(text)];

    /// <summary>A loader under test: reads a stream and shows each record as one text.</summary>
    private delegate IEnumerable<string> Loader(Stream input, LoadReport? report, DataReadOptions? options);

    private static readonly Loader Csv = (input, report, options) =>
        CsvDataFile
            .Read<SignInEvent>(input, "in.csv", report, options)
            .Select(row => $"{row.UserPrincipalName}@{row.TimeGenerated.UtcDateTime:yyyy-MM-ddTHH:mm:ss}");

    private static readonly Loader Ocsf_ = (input, report, options) =>
        JsonLinesDataFile
            .Read<OcsfNetworkActivity>(input, "in.jsonl", report, options)
            .Select(row => $"{row.Actor?.User?.Name}@{row.SourceEndpoint.Ip}");

    private static readonly Loader Labels = (input, report, options) =>
        JsonLinesDataFile
            .Read<AnomalyLabel>(input, "in.jsonl", report, options)
            .Select(row => $"{row.Entity}@{row.WindowStart.UtcDateTime:yyyy-MM-ddTHH:mm:ss}");

    /// <summary>What must happen. Values: the records read, joined by '|'. Error: strict throws at line/column
    /// (a column name or a 1-based position) with the fragment in the message; lenient skips that line and reads
    /// <c>Rest</c> when <c>Skippable</c>, else throws too.</summary>
    private sealed record Verdict(
        string? Values,
        long Line = 0,
        string? Column = null,
        string? Fragment = null,
        bool Skippable = false,
        string Rest = ""
    );

    private static Verdict Values(string values) => new(values);

    private static Verdict Error(long line, string? column, string fragment, bool skippable, string rest = "") =>
        new(null, line, column, fragment, skippable, rest);

    private sealed record Case(Loader Loader, byte[] Input, Verdict Verdict, DataReadOptions? Options = null);

    private static readonly string Jose = "josé.garcía@contoso.com";
    private static readonly string Jose2 = "josè.garcía@contoso.com";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Encodings and byte order marks.
        ["csv utf-8"] = new(Csv, Utf8($"{SignInHeader}\n{SignIn(Jose)}\n"), Values($"{Jose}@2024-03-04T08:00:00")),
        ["csv utf-8 with BOM"] = new(
            Csv,
            Bom($"{SignInHeader}\n{SignIn(Jose)}\n"),
            Values($"{Jose}@2024-03-04T08:00:00")
        ),
        ["csv windows-1252 unnamed is an error at the byte"] = new(
            Csv,
            Windows1252.GetBytes($"{SignInHeader}\n{SignIn(Jose)}\n"),
            Error(2, $"{SignIn(Jose).IndexOf('é') + 1}", "invalid UTF-8 bytes 0xE9 at byte", skippable: false)
        ),
        ["csv windows-1252 named keeps accounts apart"] = new(
            Csv,
            Windows1252.GetBytes($"{SignInHeader}\n{SignIn(Jose)}\n{SignIn(Jose2)}\n"),
            Values($"{Jose}@2024-03-04T08:00:00|{Jose2}@2024-03-04T08:00:00"),
            new DataReadOptions { Encoding = Windows1252 }
        ),
        ["csv utf-8 BOM with windows-1252 named"] = new(
            Csv,
            Bom($"{SignInHeader}\n{SignIn(Jose)}\n"),
            Error(1, null, "byte order mark", skippable: false),
            new DataReadOptions { Encoding = Windows1252 }
        ),
        ["csv utf-16"] = new(
            Csv,
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{SignInHeader}\n")],
            Error(1, null, "UTF-16", skippable: false)
        ),
        ["csv invalid byte in a later line"] = new(
            Csv,
            [.. Utf8($"{SignInHeader}\n{SignIn("a")}\n"), 0xFF, .. Utf8($"{SignIn("b")}\n")],
            Error(3, "1", "invalid UTF-8 bytes 0xFF at byte 1 of the line", skippable: false)
        ),
        ["jsonl utf-8 with BOM"] = new(Ocsf_, Bom(Ocsf(Jose) + "\n"), Values($"{Jose}@10.0.0.1")),
        ["jsonl windows-1252 unnamed skips the line"] = new(
            Ocsf_,
            [.. Windows1252.GetBytes(Ocsf(Jose) + "\n"), .. Utf8(Ocsf("b") + "\n")],
            Error(1, $"{Ocsf(Jose).IndexOf('é') + 1}", "invalid UTF-8", skippable: true, rest: "b@10.0.0.1")
        ),
        ["jsonl windows-1252 named"] = new(
            Ocsf_,
            Windows1252.GetBytes(Ocsf(Jose) + "\n" + Ocsf(Jose2) + "\n"),
            Values($"{Jose}@10.0.0.1|{Jose2}@10.0.0.1"),
            new DataReadOptions { Encoding = Windows1252 }
        ),

        // Timestamps: ISO 8601 only unless a format is named; no offset means UTC.
        ["csv day/month date"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a", "03/04/2024")}\n"),
            Error(2, "TimeGenerated", "'03/04/2024'", skippable: true)
        ),
        ["csv RFC 1123 date"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a", "\"Mon, 04 Mar 2024 08:00:00 GMT\"")}\n"),
            Error(2, "TimeGenerated", "ISO 8601", skippable: true)
        ),
        ["csv ISO with offset"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a", "2024-03-04T10:00:00.5+02:00")}\n"),
            Values("a@2024-03-04T08:00:00")
        ),
        ["csv ISO without offset is UTC"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a", "2024-03-04 08:00:00.010")}\n"),
            Values("a@2024-03-04T08:00:00")
        ),
        ["csv named format"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a", "03/04/2024 08:00")}\n"),
            Values("a@2024-03-04T08:00:00"),
            new DataReadOptions { TimestampFormat = "MM/dd/yyyy HH:mm" }
        ),
        ["jsonl day/month date"] = new(
            Labels,
            Utf8(Label("03/04/2024") + "\n"),
            Error(1, "WindowStart", "'03/04/2024'", skippable: true)
        ),
        ["jsonl RFC 1123 date"] = new(
            Labels,
            Utf8(Label("Mon, 04 Mar 2024 08:00:00 GMT") + "\n"),
            Error(1, "WindowStart", "ISO 8601", skippable: true)
        ),
        ["jsonl ISO with Z"] = new(
            Labels,
            Utf8(Label("2024-03-04T08:00:00Z") + "\n"),
            Values("anna@2024-03-04T08:00:00")
        ),
        ["jsonl ISO without offset is UTC"] = new(
            Labels,
            Utf8(Label("2024-03-04T08:00:00") + "\n"),
            Values("anna@2024-03-04T08:00:00")
        ),

        // Duplicate columns and keys.
        ["csv duplicate column"] = new(
            Csv,
            Utf8($"{SignInHeader},UserPrincipalName\n{SignIn("a")},b\n"),
            Error(1, "UserPrincipalName", "more than once", skippable: false)
        ),
        ["jsonl duplicate key"] = new(
            Ocsf_,
            Utf8(Ocsf("a").Replace("\"time\"", "\"class_uid\":4002,\"time\"") + "\n" + Ocsf("b") + "\n"),
            Error(
                1,
                $"{Ocsf("a").IndexOf(",\"time\"") + 2}",
                "\"class_uid\" appears twice",
                skippable: true,
                rest: "b@10.0.0.1"
            )
        ),
        ["jsonl duplicate nested key"] = new(
            Ocsf_,
            Utf8(Ocsf("a", """{"ip":"1.1.1.1","ip":"2.2.2.2"}""") + "\n"),
            Error(
                1,
                $"{Ocsf("a", """{"ip":"1.1.1.1","ip":"2.2.2.2"}""").LastIndexOf("\"ip\"") + 1}",
                "\"ip\" appears twice",
                skippable: true
            )
        ),

        // Truncated, ragged and empty rows; missing nested objects.
        ["csv truncated last row"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")}\n2024-03-04T08:00:00Z,b,10.0"),
            Error(3, null, "no line break", skippable: true, rest: "a@2024-03-04T08:00:00")
        ),
        ["csv truncated inside quotes"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")}\n2024-03-04T08:00:00Z,b,10.0.0.1,DE,Portal,\"0"),
            Error(3, null, "not closed", skippable: true, rest: "a@2024-03-04T08:00:00")
        ),
        ["csv cut inside a number on the last line"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")}\n{SignIn("b")[..^1]}5"),
            Error(3, null, "no line break", skippable: true, rest: "a@2024-03-04T08:00:00")
        ),
        ["csv last row without newline is read when allowed"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")}"),
            Values("a@2024-03-04T08:00:00"),
            new DataReadOptions { AllowUnterminatedLastLine = true }
        ),
        ["csv stray quote open at the end costs only its line"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("\"a")}\n{SignIn("b")}\n{SignIn("c")}\n"),
            Error(
                2,
                null,
                "not closed at the end of the input (is it cut short?); reading resumes at line 3",
                skippable: true,
                rest: "b@2024-03-04T08:00:00|c@2024-03-04T08:00:00"
            )
        ),
        ["csv stray quote open at the record limit costs only its line"] = new(
            Csv,
            Utf8(
                $"{SignInHeader}\n{SignIn("\"a")}\n"
                    + $"{string.Join('\n', Enumerable.Range(0, 8).Select(index => SignIn($"u{index}")))}\n"
            ),
            Error(
                2,
                null,
                "longer than the limit of 120 characters",
                skippable: true,
                rest: string.Join('|', Enumerable.Range(0, 8).Select(index => $"u{index}@2024-03-04T08:00:00"))
            ),
            new DataReadOptions { MaximumLineLength = 120 }
        ),
        ["csv ragged row"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")},extra\n{SignIn("b")}\n"),
            Error(2, null, "expected 6 fields", skippable: true, rest: "b@2024-03-04T08:00:00")
        ),
        ["csv all-empty row"] = new(
            Csv,
            Utf8($"{SignInHeader}\n,,,,,\n{SignIn("b")}\n"),
            Error(2, null, "empty row", skippable: true, rest: "b@2024-03-04T08:00:00")
        ),
        ["csv blank line is not a row"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("a")}\n\n{SignIn("b")}\r\n"),
            Values("a@2024-03-04T08:00:00|b@2024-03-04T08:00:00")
        ),
        ["csv quoted value over lines with a line of the header's comma count is one record"] = new(
            Csv,
            Utf8($"{SignInHeader}\n2024-03-04T08:00:00Z,a,10.0.0.1,DE,\"Portal\nx,y,z,w,v,u\nend\",0\n"),
            Values("a@2024-03-04T08:00:00")
        ),
        ["csv quoted line break is kept"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("\"a\r\nb\"")}\n"),
            Values("a\r\nb@2024-03-04T08:00:00")
        ),
        ["csv ragged row after a quoted line break names its first line"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("\"a\nb\"")}\n{SignIn("c")},x\n{SignIn("d")}\n"),
            Error(4, null, "expected 6 fields", skippable: true, rest: "a\nb@2024-03-04T08:00:00|d@2024-03-04T08:00:00")
        ),
        ["csv stray quote closed by a later quoted field costs only its line"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn("\"a")}\n{SignIn("b")}\n{SignIn("c")}\n{SignIn("\"d\"")}\n"),
            Error(
                2,
                null,
                "closes on line 5 (text after a closing quote; expected a comma): a stray quote?",
                skippable: true,
                rest: "b@2024-03-04T08:00:00|c@2024-03-04T08:00:00|d@2024-03-04T08:00:00"
            )
        ),
        ["jsonl truncated last line"] = new(
            Ocsf_,
            Utf8(Ocsf("a") + "\n" + Ocsf("b")[..40]),
            Error(2, null, "reached end of data", skippable: true, rest: "a@10.0.0.1")
        ),
        ["jsonl null src_endpoint"] = new(
            Ocsf_,
            Utf8(Ocsf("a", "null") + "\n" + Ocsf("b") + "\n"),
            Error(1, "src_endpoint", "received 'null'", skippable: true, rest: "b@10.0.0.1")
        ),
        ["jsonl missing src_endpoint"] = new(
            Ocsf_,
            Utf8(Ocsf("a").Replace(",\"src_endpoint\":{\"ip\":\"10.0.0.1\"}", "") + "\n"),
            Error(1, null, "src_endpoint", skippable: true)
        ),
        ["jsonl empty object"] = new(
            Ocsf_,
            Utf8("{}\n" + Ocsf("b") + "\n"),
            Error(1, null, "class_uid", skippable: true, rest: "b@10.0.0.1")
        ),
        ["jsonl null line"] = new(
            Ocsf_,
            Utf8("null\n" + Ocsf("b") + "\n"),
            Error(1, null, "expected a JSON object", skippable: true, rest: "b@10.0.0.1")
        ),

        // Line-length limit (small here; the default one is tested with a streamed line below).
        ["csv line over the limit"] = new(
            Csv,
            Utf8($"{SignInHeader}\n{SignIn(new string('x', 200))}\n"),
            Error(2, null, "longer than the limit of 100 bytes", skippable: false),
            new DataReadOptions { MaximumLineLength = 100 }
        ),
        ["jsonl line over the limit"] = new(
            Ocsf_,
            Utf8(Ocsf(new string('x', 200)) + "\n" + Ocsf("b") + "\n"),
            Error(1, null, "longer than the limit of 150 bytes", skippable: true, rest: "b@10.0.0.1"),
            new DataReadOptions { MaximumLineLength = 150 }
        ),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Strict_mode_reads_the_values_or_names_line_and_column(string name)
    {
        var (loader, input, verdict, options) = Cases[name];
        var read = () => string.Join('|', loader(new MemoryStream(input), null, options));

        if (verdict.Values is { } values)
        {
            read().Should().Be(values);
            return;
        }
        ShouldName(read.Should().Throw<DataFormatException>().Which, verdict);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Lenient_mode_reports_and_skips_a_bad_row_or_throws_for_a_bad_file(string name)
    {
        var (loader, input, verdict, options) = Cases[name];
        var report = new LoadReport();
        var read = () => string.Join('|', loader(new MemoryStream(input), report, options));

        if (verdict.Values is { } values)
        {
            read().Should().Be(values);
            report.DroppedRowCount.Should().Be(0);
        }
        else if (verdict.Skippable)
        {
            read().Should().Be(verdict.Rest);
            ShouldName(report.DroppedRows.Should().ContainSingle().Which, verdict);
        }
        else
        {
            ShouldName(read.Should().Throw<DataFormatException>().Which, verdict);
        }
    }

    [Theory]
    [InlineData("\"a", "x\",", 8, "b|e", new long[] { 2, 4 })]
    [InlineData("\"a\nb\"", "", 7, "d|e", new long[] { 2, 3 })]
    public void A_record_over_lines_with_another_field_count_costs_its_first_line_in_loaders_and_scoring(
        string user,
        string prefix,
        int fields,
        string rest,
        long[] droppedLines
    )
    {
        // A stray quote on line 2 closed by a stray quote before a comma on line 4 (one record of 8 fields), or a
        // quoted line break in a row with an extra field: the first line is reported, the lines after it read again.
        string extra = prefix.Length == 0 ? ",extra" : "";
        byte[] input = Utf8(
            $"{SignInHeader}\n{SignIn(user)}{extra}\n{(prefix.Length == 0 ? "" : SignIn("b") + "\n")}"
                + $"{prefix}{SignIn("d")}\n{SignIn("e")}\n"
        );
        var report = new LoadReport();

        string.Join('|', Csv(new MemoryStream(input), report, null).Select(row => row.Split('@')[0])).Should().Be(rest);
        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(droppedLines);
        report.DroppedRows[0].Message.Should().Contain($"({fields} fields, the header 6): a stray quote?");
        var parsed = new SecurityML.Scoring.EventLineParser(SecurityML.Scoring.EventFormat.Csv, "in.csv")
            .Parse(Lines(input))
            .ToList();
        parsed.Where(item => item.Problem is not null).Select(item => item.Line).Should().Equal(droppedLines);
        parsed.Count(item => item.Event is not null).Should().Be(rest.Split('|').Length);
    }

    private static IEnumerable<InputLine> Lines(byte[] input)
    {
        using var reader = new InputLineReader(new MemoryStream(input), "in.csv");
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    [Fact]
    public void Invalid_json_is_described_by_our_line_and_column_only()
    {
        var report = new LoadReport();
        var events = new StringWriter();
        var problems = new StringWriter();
        var scorer = new SecurityML.Scoring.EventStreamScorer(new NoScorer(), 1, events, problems);

        _ = Ocsf_(new MemoryStream(Utf8("x\n")), report, null).ToList();
        scorer.Score(new MemoryStream(Utf8("x\n")), "in.jsonl", SecurityML.Scoring.EventFormat.JsonLines);

        var messages = new[] { report.DroppedRows.Single().Message, problems.ToString().Trim() };
        messages
            .Should()
            .AllSatisfy(message =>
                message
                    .Should()
                    .StartWith("in.jsonl, line 1")
                    .And.Contain("invalid")
                    .And.NotContain("LineNumber")
                    .And.NotContain("BytePositionInLine")
                    .And.NotContain("Path:")
            );
    }

    private sealed class NoScorer : SecurityML.Scoring.IEventScorer
    {
        public SecurityML.Detection.ModelCard Card => throw new NotSupportedException();

        public IReadOnlyList<SecurityML.Scoring.UnitResult> Add(IReadOnlyList<SecurityML.Scoring.SourceEvent> events) =>
            throw new NotSupportedException();

        public IReadOnlyList<SecurityML.Scoring.UnitResult> Complete() => [];
    }

    private static void ShouldName(DataFormatException error, Verdict verdict)
    {
        error.LineNumber.Should().Be(verdict.Line, error.Message);
        (error.ColumnName ?? error.ColumnNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Should()
            .Be(verdict.Column, error.Message);
        error.Message.Should().Contain(verdict.Fragment).And.StartWith("in.");
    }
}
