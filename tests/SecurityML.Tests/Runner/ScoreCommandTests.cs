using SecurityML.Detection;
using SecurityML.Detection.Baseline;
using SecurityML.Runner;
using SecurityML.Runner.Commands;
using SecurityML.Tuning;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml score</c>: files, watched folders, stdin, the card's threshold, bad lines and bad
/// options.</summary>
public sealed class ScoreCommandTests
{
    private static string SaveModel(TemporaryFolder folder, double? threshold = null)
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([
            new("alice", 1),
            new("alice", 3),
            new("alice", 5),
        ]);
        var path = folder.File("baseline.model");
        // A fitted model has a default threshold; these tests start from a card without one.
        using (var stream = File.Create(path))
            model.WithCard(model.Card with { Threshold = null, ThresholdMethod = null }).Save(stream);
        if (threshold is { } value)
            ModelThreshold.Save(path, value);
        return path;
    }

    private static Task<(int Exit, string Output, string Error)> Run(ScoreRequest request, string standardInput = "") =>
        Run(request, System.Text.Encoding.UTF8.GetBytes(standardInput));

    private static async Task<(int Exit, string Output, string Error)> Run(ScoreRequest request, byte[] standardInput)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await ScoreCommand.RunAsync(
            request,
            new MemoryStream(standardInput),
            output,
            error,
            CancellationToken.None
        );
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_file_is_scored_with_the_threshold_saved_in_the_model()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 2);
        var input = folder.Write(
            "events.jsonl",
            """{"Entity":"alice","Value":9}""" + "\n{bad\n" + """{"Entity":"alice","Value":4}""" + "\n"
        );
        var alerts = folder.File("alerts.jsonl");

        var (exit, _, error) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                OutputPath = alerts,
            }
        );
        var (allowedExit, _, allowedError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                OutputPath = alerts,
                MaximumBadLines = 1,
            }
        );

        exit.Should().Be(ScoreCommand.BadData, "one line was skipped and --max-bad-lines is 0 by default");
        File.ReadAllLines(alerts)
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("\"line\":1")
            .And.Contain("\"threshold\":2");
        error
            .Should()
            .Contain($"{input}, line 2, column 2: invalid JSON")
            .And.Contain(
                "2 event(s) scored, 1 alert(s) at threshold 2, 1 bad line(s) skipped; exit 2: 1 bad line(s), more "
                    + "than --max-bad-lines 0"
            );
        allowedExit.Should().Be(ScoreCommand.Success, allowedError);
    }

    [Fact]
    public async Task Wrong_schema_input_scores_nothing_and_exits_two()
    {
        using var folder = new TemporaryFolder();
        var input = folder.Write(
            "signins.csv",
            "TimeGenerated,UserPrincipalName\n2024-03-04T08:00:00Z,anna@contoso.com\n2024-03-04T09:00:00Z,"
                + "ben@contoso.com\n"
        );

        var (exit, output, error) = await Run(
            new ScoreRequest
            {
                ModelPath = SaveModel(folder, threshold: 1),
                InputPath = input,
                MaximumBadLines = 100,
            }
        );

        exit.Should().Be(ScoreCommand.BadData);
        output.Should().BeEmpty();
        error
            .Should()
            .Contain($"{input}, line 2: missing field")
            .And.Contain($"{input}, line 3: missing field")
            .And.EndWith(
                "0 event(s) scored, 0 alert(s) at threshold 1, 2 bad line(s) skipped; exit 2: no event was scored"
                    + Environment.NewLine
            );
    }

    [Fact]
    public async Task The_bad_line_rate_can_fail_the_run_while_every_good_event_is_scored()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 100);
        var input = string.Concat(Enumerable.Repeat("""{"Entity":"alice","Value":4}""" + "\n", 9)) + "{bad\n";

        var (overRate, _, error) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                MaximumBadLines = 5,
                MaximumBadRate = 0.05,
            },
            input
        );
        var (underRate, _, _) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                MaximumBadLines = 5,
                MaximumBadRate = 0.2,
            },
            input
        );

        overRate.Should().Be(ScoreCommand.BadData);
        error
            .Should()
            .Contain("9 event(s) scored")
            .And.Contain("10% of the event lines bad, more than --max-bad-rate 0.05");
        underRate.Should().Be(ScoreCommand.Success);
    }

    [Fact]
    public async Task Standard_input_with_a_byte_order_mark_and_a_named_encoding_is_read()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 0.5);
        byte[] csv = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("Entity,Value\nalice,9\n")];
        var windows1252 = SecurityML
            .Data.DataReadOptions.EncodingFromName("windows-1252")
            .GetBytes("Entity,Value,Note\nalice,9,josé\n");

        var (bomExit, bomOutput, bomError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                Format = "csv",
            },
            csv
        );
        var (namedExit, namedOutput, namedError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                Format = "csv",
                Encoding = "windows-1252",
            },
            windows1252
        );
        var (unknownExit, _, unknownError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                Encoding = "klingon",
            },
            csv
        );

        bomExit.Should().Be(0, bomError);
        bomOutput.Should().Contain("\"Entity\":\"alice\"");
        namedExit.Should().Be(0, namedError);
        namedOutput.Should().Contain("\"Note\":\"jos\\u00E9\"");
        unknownExit.Should().Be(ScoreCommand.InvalidInvocation);
        unknownError.Should().Contain("--encoding: Unknown encoding").And.Contain("'klingon'");
    }

    [Fact]
    public async Task Csv_on_standard_input_is_recognised_by_its_header_without_format()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 0.5);
        byte[] csv = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("Entity,Value\nalice,9\nalice,4\n")];

        var (csvExit, csvOutput, csvError) = await Run(new ScoreRequest { ModelPath = model, InputPath = "-" }, csv);
        var (jsonExit, _, jsonError) = await Run(
            new ScoreRequest { ModelPath = model, InputPath = "-" },
            "\n  {\"Entity\":\"alice\",\"Value\":9}\n"
        );

        csvExit.Should().Be(0, csvError);
        csvOutput.Should().Contain("\"Entity\":\"alice\"");
        csvError.Should().Contain("2 event(s) scored").And.Contain("0 bad line(s)");
        jsonExit.Should().Be(0, jsonError);
        jsonError.Should().Contain("1 event(s) scored");
    }

    [Fact]
    public async Task A_stray_csv_quote_costs_one_line_and_counts_in_the_verdict()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 100);
        var input = folder.Write(
            "events.csv",
            "Entity,Value\nalice,\"4\n" + string.Concat(Enumerable.Repeat("alice,4\n", 200))
        );

        var (exit, _, error) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                MaximumLineLength = 64,
                MaximumBadLines = 10,
            }
        );

        error
            .Should()
            .Contain("events.csv, line 2: the record is longer than the limit of 64 characters")
            .And.Contain("200 event(s) scored")
            .And.Contain("1 bad line(s) skipped");
        exit.Should().Be(ScoreCommand.Success, error);
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_named_and_exits_one()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 0.5);
        var input = folder.Write("events.jsonl", """{"Entity":"alice","Value":9}""" + "\n");
        var missingFolder = Path.Combine(folder.Path, "nope", "alerts.jsonl");

        var (missingExit, _, missingError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                OutputPath = missingFolder,
            }
        );

        missingExit.Should().Be(ScoreCommand.InvalidInvocation);
        missingError.Should().StartWith($"secml score: --output {missingFolder}: cannot create the file");
        if (!File.Exists("/dev/full"))
            return;
        var (fullExit, _, fullError) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                OutputPath = "/dev/full",
            }
        );
        fullExit.Should().Be(ScoreCommand.InvalidInvocation);
        fullError
            .Should()
            .StartWith("secml score: --output /dev/full: cannot write the alerts")
            .And.Contain("1 alert(s) were written before");
    }

    [Fact]
    public async Task Standard_input_is_read_and_the_command_line_threshold_wins()
    {
        using var folder = new TemporaryFolder();

        var (exit, output, _) = await Run(
            new ScoreRequest
            {
                ModelPath = SaveModel(folder, threshold: 100),
                InputPath = "-",
                Threshold = 0.5,
            },
            """{"Entity":"alice","Value":9}"""
        );

        exit.Should().Be(0);
        output.Should().Contain("\"source\":\"stdin\"");
    }

    [Fact]
    public async Task A_watched_folder_scores_files_as_they_arrive()
    {
        using var folder = new TemporaryFolder();
        var inbox = Directory.CreateDirectory(folder.File("inbox")).FullName;
        File.WriteAllText(Path.Combine(inbox, "a.csv"), "Entity,Value\nalice,10\n");
        var alerts = folder.File("alerts.jsonl");
        var request = new ScoreRequest
        {
            ModelPath = SaveModel(folder, threshold: 1),
            InputPath = inbox,
            OutputPath = alerts,
            Watch = true,
            PollInterval = TimeSpan.FromMilliseconds(20),
            IdleTimeout = TimeSpan.FromMinutes(1),
            MaximumBadLines = 1,
        };
        using var cancel = new CancellationTokenSource();
        var error = new StringWriter();

        var running = Task.Run(() => ScoreCommand.RunAsync(request, Stream.Null, TextWriter.Null, error, cancel.Token));
        await WaitForLines(alerts, 1);
        // Writers move complete files in; .tmp files are not read.
        File.WriteAllText(Path.Combine(inbox, "b.tmp"), """{"Entity":"alice","Value":-7}""" + "\n");
        File.Move(Path.Combine(inbox, "b.tmp"), Path.Combine(inbox, "b.jsonl"));
        await WaitForLines(alerts, 2);
        // A bad line (a repeated property) is reported and skipped; watching goes on.
        File.WriteAllText(
            Path.Combine(inbox, "c.tmp"),
            """{"Entity":"alice","Value":9,"Value":1}""" + "\n" + """{"Entity":"alice","Value":-9}""" + "\n"
        );
        File.Move(Path.Combine(inbox, "c.tmp"), Path.Combine(inbox, "c.jsonl"));
        await WaitForLines(alerts, 3);
        cancel.Cancel();

        (await running).Should().Be(0, "one bad line is within --max-bad-lines 1");
        var lines = ReadShared(alerts);
        lines[0].Should().Contain("a.csv");
        lines[1].Should().Contain("b.jsonl");
        lines[2].Should().Contain("c.jsonl").And.Contain("\"line\":2");
        error
            .ToString()
            .Should()
            .Contain(Path.Combine(inbox, "c.jsonl") + ", line 1, column 29: the property \"Value\" appears twice")
            .And.Contain($"secml score: {Path.Combine(inbox, "a.csv")}: 1 event(s) scored, 1 alert(s), 0 bad line(s)")
            .And.Contain($"secml score: {Path.Combine(inbox, "c.jsonl")}: 1 event(s) scored, 1 alert(s), 1 bad line(s)")
            .And.Contain("3 event(s) scored");
    }

    [Fact]
    public async Task Watching_ends_after_the_idle_timeout_without_new_files()
    {
        using var folder = new TemporaryFolder();
        var inbox = Directory.CreateDirectory(folder.File("inbox")).FullName;

        var (exit, _, error) = await Run(
            new ScoreRequest
            {
                ModelPath = SaveModel(folder, threshold: 1),
                InputPath = inbox,
                Watch = true,
                PollInterval = TimeSpan.FromMilliseconds(20),
                IdleTimeout = TimeSpan.FromMilliseconds(100),
            }
        );

        exit.Should().Be(ScoreCommand.BadData);
        error.Should().Contain("0 event(s) scored").And.Contain("exit 2: no event was scored");
    }

    private static string[] ReadShared(string path)
    {
        if (!File.Exists(path))
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task WaitForLines(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ReadShared(path).Length < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"expected {count} alert line(s) in {path}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Invalid_input_exits_with_one_and_says_why()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder);

        (await Run(new ScoreRequest { ModelPath = model, InputPath = "-" }))
            .Should()
            .Match<(int Exit, string Output, string Error)>(result =>
                result.Exit == 1 && result.Error.Contains("has no threshold in its card")
            );
        (await Run(new ScoreRequest { ModelPath = folder.File("missing.model"), InputPath = "-" }))
            .Error.Should()
            .Contain("--model: the file");
        (
            await Run(
                new ScoreRequest
                {
                    ModelPath = folder.Write("x.model", "nope"),
                    InputPath = "-",
                    Threshold = 1,
                }
            )
        ).Error.Should().Contain("SECMLMDL");
        (
            await Run(
                new ScoreRequest
                {
                    ModelPath = model,
                    InputPath = "-",
                    Threshold = 1,
                    Format = "xml",
                }
            )
        ).Error.Should().Contain("--format");
    }

    [Fact]
    public async Task A_plugin_assembly_brings_the_loader_of_its_own_model_kind()
    {
        using var folder = new TemporaryFolder();
        var model = folder.File("own.model");
        using (var stream = File.Create(model))
        {
            SecurityML.Detection.ModelFile.Save(
                stream,
                new SecurityML.Detection.ModelCard
                {
                    Kind = SecurityML.Tests.Scoring.TestLoader.TestKind,
                    Options = new() { ["score"] = 5.0 },
                },
                1,
                _ => { }
            );
        }

        var (exit, output, error) = await Run(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = "-",
                Threshold = 4,
                Plugins = [typeof(ScoreCommandTests).Assembly.Location],
            },
            "{}\n{}\n"
        );

        exit.Should().Be(0, error);
        output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .HaveCount(2)
            .And.OnlyContain(line => line.Contains("\"score\":5"));
    }

    [Fact]
    public void The_command_is_part_of_secml()
    {
        var parse = Program
            .BuildRootCommand()
            .Parse(["score", "--model", "m", "--input", "-", "--threshold", "2.5", "--watch"]);

        parse.Errors.Should().BeEmpty();
        parse.CommandResult.Command.Name.Should().Be("score");
    }
}
