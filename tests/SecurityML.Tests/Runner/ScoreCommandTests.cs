using SecurityML.Detection.Baseline;
using SecurityML.Runner;
using SecurityML.Runner.Commands;
using SecurityML.Tuning;
using SecurityML.Detection;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml score</c>: files, watched folders, stdin, the card's threshold, bad lines and bad options.</summary>
public sealed class ScoreCommandTests
{
    private static string SaveModel(TemporaryFolder folder, double? threshold = null)
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([new("alice", 1), new("alice", 3), new("alice", 5)]);
        var path = folder.File("baseline.model");
        using (var stream = File.Create(path)) model.Save(stream);
        if (threshold is { } value) ModelThreshold.Save(path, value);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> Run(ScoreRequest request, string standardInput = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await ScoreCommand.RunAsync(request, new StringReader(standardInput), output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_file_is_scored_with_the_threshold_saved_in_the_model()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder, threshold: 2);
        var input = folder.Write("events.jsonl", """{"Entity":"alice","Value":9}""" + "\n{bad\n" + """{"Entity":"alice","Value":4}""" + "\n");
        var alerts = folder.File("alerts.jsonl");

        var (exit, _, error) = await Run(new ScoreRequest { ModelPath = model, InputPath = input, OutputPath = alerts });

        exit.Should().Be(0);
        File.ReadAllLines(alerts).Should().ContainSingle().Which.Should().Contain("\"line\":1").And.Contain("\"threshold\":2");
        error.Should().Contain($"{input}:2: invalid JSON").And.Contain("2 event(s) scored, 1 alert(s) at threshold 2, 1 bad line(s) skipped");
    }

    [Fact]
    public async Task Standard_input_is_read_and_the_command_line_threshold_wins()
    {
        using var folder = new TemporaryFolder();

        var (exit, output, _) = await Run(new ScoreRequest { ModelPath = SaveModel(folder, threshold: 100), InputPath = "-", Threshold = 0.5 },
            """{"Entity":"alice","Value":9}""");

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
        };
        using var cancel = new CancellationTokenSource();
        var error = new StringWriter();

        var running = Task.Run(() => ScoreCommand.RunAsync(request, TextReader.Null, TextWriter.Null, error, cancel.Token));
        await WaitForLines(alerts, 1);
        // Writers move complete files in; .tmp files are not read.
        File.WriteAllText(Path.Combine(inbox, "b.tmp"), """{"Entity":"alice","Value":-7}""" + "\n");
        File.Move(Path.Combine(inbox, "b.tmp"), Path.Combine(inbox, "b.jsonl"));
        await WaitForLines(alerts, 2);
        cancel.Cancel();

        (await running).Should().Be(0);
        var lines = ReadShared(alerts);
        lines[0].Should().Contain("a.csv");
        lines[1].Should().Contain("b.jsonl");
        error.ToString().Should().Contain("2 event(s) scored");
    }

    [Fact]
    public async Task Watching_ends_after_the_idle_timeout_without_new_files()
    {
        using var folder = new TemporaryFolder();
        var inbox = Directory.CreateDirectory(folder.File("inbox")).FullName;

        var (exit, _, error) = await Run(new ScoreRequest
        {
            ModelPath = SaveModel(folder, threshold: 1),
            InputPath = inbox,
            Watch = true,
            PollInterval = TimeSpan.FromMilliseconds(20),
            IdleTimeout = TimeSpan.FromMilliseconds(100),
        });

        exit.Should().Be(0);
        error.Should().Contain("0 event(s) scored");
    }

    private static string[] ReadShared(string path)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task WaitForLines(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ReadShared(path).Length < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"expected {count} alert line(s) in {path}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Invalid_input_exits_with_one_and_says_why()
    {
        using var folder = new TemporaryFolder();
        var model = SaveModel(folder);

        (await Run(new ScoreRequest { ModelPath = model, InputPath = "-" })).Should().Match<(int Exit, string Output, string Error)>(
            result => result.Exit == 1 && result.Error.Contains("has no threshold in its card"));
        (await Run(new ScoreRequest { ModelPath = folder.File("missing.model"), InputPath = "-" })).Error.Should().Contain("--model: the file");
        (await Run(new ScoreRequest { ModelPath = folder.Write("x.model", "nope"), InputPath = "-", Threshold = 1 })).Error.Should().Contain("SECMLMDL");
        (await Run(new ScoreRequest { ModelPath = model, InputPath = "-", Threshold = 1, Format = "xml" })).Error.Should().Contain("--format");
    }

    [Fact]
    public async Task A_plugin_assembly_brings_the_loader_of_its_own_model_kind()
    {
        using var folder = new TemporaryFolder();
        var model = folder.File("own.model");
        using (var stream = File.Create(model))
        {
            SecurityML.Detection.ModelFile.Save(stream, new SecurityML.Detection.ModelCard
            {
                Kind = SecurityML.Tests.Scoring.TestLoader.TestKind,
                Options = new() { ["score"] = 5.0 },
            }, 1, _ => { });
        }

        var (exit, output, error) = await Run(new ScoreRequest
        {
            ModelPath = model,
            InputPath = "-",
            Threshold = 4,
            Plugins = [typeof(ScoreCommandTests).Assembly.Location],
        }, "{}\n{}\n");

        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.OnlyContain(line => line.Contains("\"score\":5"));
    }

    [Fact]
    public void The_command_is_part_of_secml()
    {
        var parse = Program.BuildRootCommand().Parse(["score", "--model", "m", "--input", "-", "--threshold", "2.5", "--watch"]);

        parse.Errors.Should().BeEmpty();
        parse.CommandResult.Command.Name.Should().Be("score");
    }
}
