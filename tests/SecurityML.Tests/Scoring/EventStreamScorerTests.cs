using SecurityML.Detection.Baseline;
using SecurityML.Scoring;

namespace SecurityML.Tests.Scoring;

/// <summary>Streaming: batches, alerts at the threshold, bad lines reported with their number and skipped.</summary>
public sealed class EventStreamScorerTests
{
    private static IEventScorer Scorer()
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 })
            .Fit([new("alice", 1), new("alice", 3), new("alice", 5)]);
        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        return ModelRegistry.Load(stream);
    }

    [Fact]
    public void Json_lines_with_bad_lines_are_scored_around_them()
    {
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(Scorer(), threshold: 1, alerts, problems, batchSize: 2);
        var input = string.Join('\n',
            """{"Entity":"alice","Value":9}""", "not json", "", """{"Entity":"alice","Value":3}""", "[1,2]",
            """{"Entity":"alice"}""", """{"Entity":"alice","Value":-10}""");

        scorer.Score(new StringReader(input), "events.jsonl", EventFormat.JsonLines);

        var alertLines = alerts.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        alertLines.Should().HaveCount(2);
        // alice 1, 3, 5: median 3, MAD 2; 9 scores 6 / (2 × 1.4826…) = 2.0234692505882…
        alertLines[0].Should().StartWith("""{"source":"events.jsonl","line":1,"score":2.02346925058""").And.Contain("\"event\":{\"Entity\":\"alice\",\"Value\":9}");
        alertLines[1].Should().Contain("\"line\":7");
        var problemLines = problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        problemLines.Should().HaveCount(3);
        problemLines[0].Should().StartWith("events.jsonl:2: invalid JSON");
        problemLines[1].Should().StartWith("events.jsonl:5: expected a JSON object");
        problemLines[2].Should().StartWith("events.jsonl:6: missing field");
        (scorer.EventsScored, scorer.Alerts, scorer.BadLines).Should().Be((3L, 2L, 3L));
    }

    [Fact]
    public void Csv_rows_become_events_keyed_by_the_header()
    {
        var alerts = new StringWriter();
        var problems = new StringWriter();
        var scorer = new EventStreamScorer(Scorer(), threshold: 0.5, alerts, problems);

        scorer.Score(new StringReader("Entity,Value\r\nalice,9\r\n\"alice\",2\r\nalice,1,extra\r\n\"alice,3\r\n"), "e.csv", EventFormat.Csv);

        alerts.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("\"line\":2");
        problems.ToString().Should().Contain("e.csv:4: expected 2 fields as in the header, received 3").And.Contain("e.csv:5: unterminated quoted field");
        scorer.EventsScored.Should().Be(2);
    }

    [Fact]
    public void An_infinite_score_is_written_as_a_named_literal()
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([new("bob", 2), new("bob", 2)]);
        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var alerts = new StringWriter();

        new EventStreamScorer(ModelRegistry.Load(stream), 10, alerts, TextWriter.Null)
            .Score(new StringReader("""{"Entity":"bob","Value":3}"""), "s", EventFormat.JsonLines);

        alerts.ToString().Should().Contain("\"score\":\"Infinity\"");
    }
}
