using System.Diagnostics;
using System.Text;

namespace SecurityML.Tests.Notebooks;

/// <summary>The outcome of one <c>dotnet-repl</c> process.</summary>
/// <param name="ExitCode">The process exit code; null when it was stopped at the timeout.</param>
/// <param name="Output">What it wrote to stdout and stderr (for failure messages).</param>
/// <param name="Duration">Wall time from start to exit.</param>
public sealed record ReplRun(int? ExitCode, string Output, TimeSpan Duration);

/// <summary>
/// Runs notebooks in the real .NET Interactive kernel through the local tool <c>dotnet-repl</c> (pinned in
/// <c>.config/dotnet-tools.json</c>; <c>dotnet tool restore</c> installs it):
/// <c>dotnet tool run dotnet-repl -- --run NB --exit-after-run --output-format ipynb --output-path OUT</c>.
/// </summary>
internal static class DotnetRepl
{
    /// <summary>Why the tool cannot run (with what to do about it), or null when <c>dotnet-repl --version</c>
    /// works.</summary>
    public static async Task<string?> ProblemAsync()
    {
        var run = await RunAsync(RepositoryPaths.Root, ["--version"], TimeSpan.FromMinutes(2));
        return run.ExitCode == 0
            ? null
            : "The real-kernel notebook test needs the local tool dotnet-repl, pinned in .config/dotnet-tools.json: "
                + $"run `dotnet tool restore` in {RepositoryPaths.Root} (.ci/run does), then run the tests again. "
                + $"`dotnet tool run dotnet-repl -- --version` exited "
                + $"{run.ExitCode?.ToString() ?? "(timed out)"}: {run.Output.Trim()}";
    }

    /// <summary>Runs <paramref name="notebookPath"/> with <paramref name="workingDirectory"/> as the kernel's current
    /// directory (where relative <c>#r</c> and data paths resolve, as in VS Code) and writes the executed notebook to
    /// <paramref name="outputPath"/>. The process tree is killed after <paramref name="timeout"/>.</summary>
    public static Task<ReplRun> RunNotebookAsync(
        string notebookPath,
        string outputPath,
        string workingDirectory,
        TimeSpan timeout
    ) =>
        RunAsync(
            workingDirectory,
            ["--run", notebookPath, "--exit-after-run", "--output-format", "ipynb", "--output-path", outputPath],
            timeout
        );

    private static async Task<ReplRun> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["tool", "run", "dotnet-repl", "--", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
                return new ReplRun(null, output.ToString(), clock.Elapsed);
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output)
            return new ReplRun(process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
