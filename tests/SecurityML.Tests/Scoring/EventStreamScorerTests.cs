using SecurityML.Detection.Baseline;
using SecurityML.Scoring;

namespace SecurityML.Tests.Scoring;

/// <summary>Streaming: batches, alerts at the threshold, bad lines reported with their number and skipped.</summary>
public sealed class EventStreamScorerTests
{
    private static IEventScorer Scorer()
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([
            new("alice", 1),
            new("alice", 3),
            new("alice", 5),
        ]);
        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        return ModelRegistry.Load(stream);
    }

    private static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    private static (EventStreamScorer Scorer, string Alerts, string[] Problems) Score(
        byte[] input,
        EventFormat format,
        double threshold = 0.5,
        SecurityML.Data.DataReadOptions? options = null
    )
    {
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(Scorer(), threshold, alerts, problems, batchSize: 2);
        scorer.Score(new MemoryStream(input), "in", format, options);
        return (scorer, alerts.ToString(), problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_lines_with_bad_lines_are_scored_around_them()
    {
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(Scorer(), threshold: 1, alerts, problems, batchSize: 2);
        var input = string.Join(
            '\n',
            """{"Entity":"alice","Value":9}""",
            "not json",
            "",
            """{"Entity":"alice","Value":3}""",
            "[1,2]",
            """{"Entity":"alice"}""",
            """{"Entity":"alice","Value":-10}"""
        );

        scorer.Score(Utf8(input), "events.jsonl", EventFormat.JsonLines);

        var alertLines = alerts.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        alertLines.Should().HaveCount(2);
        // alice 1, 3, 5: median 3, MAD 2; 9 scores 6 / (2 × 1.4826…) = 2.0234692505882…
        alertLines[0]
            .Should()
            .StartWith(
#pragma warning disable RCS0056 // a JSON line as written, kept on one line
                """{"source":"events.jsonl","line":1,"lines":[1],"kind":"RobustZScore","unit":{"entity":"alice","value":9},"score":2.02346925058"""
#pragma warning restore RCS0056
            )
            .And.Contain("\"explanation\":{\"output\":2.02346925058")
            .And.EndWith("\"event\":{\"Entity\":\"alice\",\"Value\":9}}");
        alertLines[1].Should().Contain("\"line\":7");
        var problemLines = problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        problemLines.Should().HaveCount(3);
        problemLines[0].Should().StartWith("events.jsonl, line 2, column 2: invalid JSON");
        problemLines[1].Should().StartWith("events.jsonl, line 5: expected a JSON object");
        problemLines[2].Should().StartWith("events.jsonl, line 6: missing field");
        (scorer.EventsScored, scorer.Alerts, scorer.BadLines).Should().Be((3L, 2L, 3L));
    }

    [Fact]
    public void Csv_rows_become_events_keyed_by_the_header()
    {
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(Scorer(), threshold: 0.5, alerts, problems);

        scorer.Score(
            Utf8("Entity,Value\r\nalice,9\r\n\"alice\",2\r\nalice,1,extra\r\n\"alice,3\r\n"),
            "e.csv",
            EventFormat.Csv
        );

        alerts
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("\"line\":2");
        problems
            .ToString()
            .Should()
            .Contain("e.csv, line 4: expected 2 fields as in the header, received 3")
            .And.Contain("e.csv, line 5: a quoted field is not closed at the end of the input");
        scorer.EventsScored.Should().Be(2);
    }

    [Fact]
    public void An_infinite_score_is_written_as_a_named_literal()
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([
            new("bob", 2),
            new("bob", 2),
        ]);
        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var alerts = new StringWriter();

        new EventStreamScorer(ModelRegistry.Load(stream), 10, alerts, TextWriter.Null).Score(
            new StringReader("""{"Entity":"bob","Value":3}"""),
            "s",
            EventFormat.JsonLines
        );

        alerts.ToString().Should().Contain("\"score\":\"Infinity\"");
    }

    [Fact]
    public void A_line_with_a_repeated_property_is_reported_and_skipped_and_the_rest_scored()
    {
        var line = """{"Entity":"alice","Value":9,"Value":1}""";
        var (scorer, alerts, problems) = Score(
            System.Text.Encoding.UTF8.GetBytes(
                """{"Entity":"alice","Value":9}""" + "\n" + line + "\n" + """{"Entity":"alice","Value":8}""" + "\n"
            ),
            EventFormat.JsonLines
        );

        problems
            .Should()
            .Equal(
                $"in, line 2, column {line.LastIndexOf("\"Value\"") + 1}: the property \"Value\" appears twice in "
                    + $"one object; expected each property once (which copy holds the value is ambiguous)."
            );
        (scorer.EventsScored, scorer.BadLines).Should().Be((2L, 1L));
        alerts.Should().Contain("\"line\":1").And.Contain("\"line\":3");
    }

    [Fact]
    public void A_csv_record_with_a_quoted_line_break_is_one_event_numbered_by_its_first_line()
    {
        var (scorer, alerts, problems) = Score(
            System.Text.Encoding.UTF8.GetBytes("Entity,Value,Note\nalice,9,\"two\r\nlines\"\nalice,9,one\n"),
            EventFormat.Csv
        );

        problems.Should().BeEmpty();
        scorer.EventsScored.Should().Be(2);
        alerts.Should().Contain("\"line\":2,").And.Contain("\"Note\":\"two\\r\\nlines\"").And.Contain("\"line\":4,");
    }

    [Fact]
    public void A_stray_quote_costs_its_own_line_only_at_the_record_limit_and_at_the_end()
    {
        var good = string.Concat(Enumerable.Range(0, 50).Select(index => $"alice,{index % 5}\n"));
        var options = new SecurityML.Data.DataReadOptions { MaximumLineLength = 64 };

        var (limited, _, limitProblems) = Score(
            System.Text.Encoding.UTF8.GetBytes($"Entity,Value\nalice,\"5\n{good}"),
            EventFormat.Csv,
            options: options
        );
        var (atEnd, _, endProblems) = Score(
            System.Text.Encoding.UTF8.GetBytes($"Entity,Value\nalice,\"5\nalice,1\nalice,2\n"),
            EventFormat.Csv
        );

        limitProblems
            .Should()
            .ContainSingle()
            .Which.Should()
            .StartWith("in, line 2: the record is longer than the limit of 64 characters")
            .And.Contain("reading resumes at line 3");
        (limited.EventsScored, limited.BadLines).Should().Be((50, 1));
        endProblems
            .Should()
            .ContainSingle()
            .Which.Should()
            .StartWith("in, line 2: a quoted field is not closed at the end of the input");
        (atEnd.EventsScored, atEnd.BadLines).Should().Be((2, 1));
    }

    [Fact]
    public void A_csv_last_line_without_a_line_break_is_a_bad_line_unless_allowed()
    {
        var input = System.Text.Encoding.UTF8.GetBytes("Entity,Value\nalice,1\nalice,9");

        var (cut, _, problems) = Score(input, EventFormat.Csv);
        var (allowed, alerts, _) = Score(input, EventFormat.Csv, options: new() { AllowUnterminatedLastLine = true });

        problems.Should().ContainSingle().Which.Should().StartWith("in, line 3: the last line has no line break");
        (cut.EventsScored, cut.BadLines).Should().Be((1, 1));
        (allowed.EventsScored, allowed.BadLines).Should().Be((2, 0));
        alerts.Should().Contain("\"line\":3");
    }

    [Fact]
    public void Csv_quoting_errors_repeated_header_columns_and_empty_rows_are_reported()
    {
        var (_, _, quoting) = Score(
            System.Text.Encoding.UTF8.GetBytes("Entity,Value\n\"alice\"x,9\nali\"ce,9\n,\n"),
            EventFormat.Csv
        );
        var (scorer, _, header) = Score(
            System.Text.Encoding.UTF8.GetBytes("Entity,Value,Value\nalice,9,1\n"),
            EventFormat.Csv
        );

        quoting
            .Should()
            .Equal(
                "in, line 2: malformed row: text after a closing quote; expected a comma.",
                "in, line 3: malformed row: a quote inside an unquoted field; expected the field in quotes with "
                    + "the quote doubled.",
                "in, line 4: empty row: every field is empty"
            );
        header.Should().Equal("in, line 2: the header (line 1) repeats the column 'Value'; expected each column once");
        scorer.EventsScored.Should().Be(0);
    }

    [Fact]
    public void Input_bytes_follow_the_input_contract_bom_encoding_and_line_length()
    {
        var windows1252 = SecurityML.Data.DataReadOptions.EncodingFromName("windows-1252");
        var events = "Entity,Value,Note\nalice,9,josé\nalice,9,josè\n";

        var (withBom, _, bomProblems) = Score(
            [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(events)],
            EventFormat.Csv
        );
        var (unnamed, _, unnamedProblems) = Score(windows1252.GetBytes(events), EventFormat.Csv);
        var (named, namedAlerts, _) = Score(
            windows1252.GetBytes(events),
            EventFormat.Csv,
            options: new() { Encoding = windows1252 }
        );
        var (limited, _, limitProblems) = Score(
            System.Text.Encoding.UTF8.GetBytes("Entity,Value\n" + new string('x', 100) + ",1\nalice,2\n"),
            EventFormat.Csv,
            options: new() { MaximumLineLength = 50 }
        );

        (withBom.EventsScored, bomProblems.Length).Should().Be((2L, 0));
        unnamedProblems
            .Should()
            .Equal(
                "in, line 2, column 12: invalid UTF-8 bytes 0xE9 at byte 12 of the line. Name the file's encoding "
                    + "(e.g. encoding windows-1252, as Excel and PowerShell 5 write).",
                "in, line 3, column 12: invalid UTF-8 bytes 0xE8 at byte 12 of the line. Name the file's encoding "
                    + "(e.g. encoding windows-1252, as Excel and PowerShell 5 write)."
            );
        unnamed.EventsScored.Should().Be(0);
        named.EventsScored.Should().Be(2);
        namedAlerts
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(alert => System.Text.Json.Nodes.JsonNode.Parse(alert)!["event"]!["Note"]!.GetValue<string>())
            .Should()
            .Equal("josé", "josè");
        limitProblems
            .Should()
            .ContainSingle()
            .Which.Should()
            .StartWith("in, line 2: the line is longer than the limit of 50 bytes");
        limited.EventsScored.Should().Be(1);
    }
}
