using System.Diagnostics;
using SecurityML.Detection;
using SecurityML.Detection.Baseline;
using SecurityML.Runner.Commands;
using SecurityML.Tuning;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml score</c> in its own process, fed through a real stdin pipe as schedules and shells do.</summary>
public sealed class ScoreProcessTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string SaveModel()
    {
        var model = new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([
            new("alice", 1),
            new("alice", 3),
            new("alice", 5),
        ]);
        var path = _folder.File("baseline.model");
        using (var stream = File.Create(path))
            model.Save(stream);
        ModelThreshold.Save(path, 1);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Score(byte[] standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(SecmlProcessTests.RunnerPath());
        start.ArgumentList.Add("score");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(standardInput);
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeTrue("secml score finishes");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Csv_with_a_byte_order_mark_on_stdin_is_scored()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. "Entity,Value\r\nalice,9\r\nalice,4\r\n"u8];

        var (exit, output, error) = Score(input, "--model", SaveModel(), "--input", "-", "--format", "csv");

        exit.Should().Be(ScoreCommand.Success, error);
        output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("\"line\":2")
            .And.Contain("\"event\":{\"Entity\":\"alice\",\"Value\":\"9\"}");
        error.Should().Contain("2 event(s) scored, 1 alert(s) at threshold 1, 0 bad line(s) skipped");
    }

    [Fact]
    public void An_escape_sequence_in_the_input_reaches_standard_error_escaped()
    {
        // A JSON line whose repeated property name decodes to an escape sequence that would clear the terminal.
        var input = """{"Entity":"alice","Value":9,"\u001b[2J\u0007":1,"\u001b[2J\u0007":2}""" + "\n";

        var (_, output, error) = Score(
            System.Text.Encoding.UTF8.GetBytes(input),
            "--model",
            SaveModel(),
            "--input",
            "-"
        );

        error.Should().Contain("the property \"\\u001B[2J\\u0007\" appears twice");
        (output + error).Should().NotContainAny("\u001b", "\u0007");
    }

    [Fact]
    public void A_line_with_a_repeated_key_is_reported_and_skipped_and_the_rest_scored()
    {
        var input =
            """{"Entity":"alice","Value":9}"""
            + "\n"
            + """{"Entity":"alice","Entity":"bob","Value":9}"""
            + "\n"
            + """{"Entity":"alice","Value":-9}"""
            + "\n";

        var (exit, output, error) = Score(
            System.Text.Encoding.UTF8.GetBytes(input),
            "--model",
            SaveModel(),
            "--input",
            "-"
        );

        exit.Should().Be(ScoreCommand.BadData, "one line was skipped and --max-bad-lines is 0");
        output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .HaveCount(2)
            .And.Satisfy(alert => alert.Contains("\"line\":1,"), alert => alert.Contains("\"line\":3,"));
        error
            .Should()
            .Contain("stdin, line 2, column 19: the property \"Entity\" appears twice in one object")
            .And.Contain(
                "2 event(s) scored, 2 alert(s) at threshold 1, 1 bad line(s) skipped; exit 2: 1 bad line(s), more "
                    + "than --max-bad-lines 0"
            )
            .And.NotContain("Exception");
    }

    [Fact]
    public void Wrong_schema_input_exits_non_zero()
    {
        var input = "TimeGenerated,UserPrincipalName\n2024-03-04T08:00:00Z,anna@contoso.com\n"u8.ToArray();

        var (exit, output, error) = Score(
            input,
            "--model",
            SaveModel(),
            "--input",
            "-",
            "--format",
            "csv",
            "--max-bad-lines",
            "10"
        );

        exit.Should().Be(ScoreCommand.BadData);
        output.Should().BeEmpty();
        error.Should().Contain("stdin, line 2: missing field").And.Contain("exit 2: no event was scored");
    }
}
