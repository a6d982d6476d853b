using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SecurityML.Runner.Notebooks;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Runs one notebook in a child <c>secml run</c> process, so that whatever the notebook does (<c>Environment.Exit</c>,
/// a cell that keeps running after its timeout, a crash) can only fail that notebook. The child writes the executed
/// notebook, the report and a result file; when it ends without a result file, the parent writes the notebook and a
/// report that say how the process ended.
/// </summary>
internal static class NotebookProcess
{
    /// <summary>Hidden <c>secml run</c> option: where the child writes its result (<c>{"exitCode": n}</c>).</summary>
    public const string ResultFileOption = "--result-file";

    /// <summary>Hidden <c>secml run</c> option: the notebook is one of a folder run (unknown --param names are skipped).</summary>
    public const string FolderRunOption = "--folder-run";

    /// <summary>About the most characters of the child's standard error (its first lines, which name the error) quoted in a report when the child died.</summary>
    private const int MaxErrorText = 4000;

    /// <summary>Runs <paramref name="notebookPath"/> in a child process; returns its exit code (0, 1 or 2).</summary>
    public static async Task<int> RunAsync(string notebookPath, RunRequest request, bool isFolderRun, string? plotlyJsPath,
        string plotlyElement, TextWriter log, CancellationToken cancellationToken)
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"secml-result-{Guid.NewGuid():N}.json");
        var start = StartInfo(notebookPath, request, isFolderRun, plotlyJsPath, resultFile);
        var errors = new StringBuilder();
        var droppedErrorLines = 0;
        using var process = new Process { StartInfo = start };
        var gate = new object();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (gate) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (gate)
            {
                log.WriteLine(line.Data);
                if (errors.Length < MaxErrorText) errors.Append(line.Data).Append('\n');
                else droppedErrorLines++;
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // drains the redirected streams
        try
        {
            var exitCode = ReadResult(resultFile);
            if (exitCode is { } code) return code;
            var quoted = errors.ToString().TrimEnd() + (droppedErrorLines > 0 ? $"\n[{droppedErrorLines} more lines of standard error: see secml's output]" : "");
            var message = $"{notebookPath}: the notebook's process ended with exit code {process.ExitCode} before the run finished "
                + "(a crash, or the process was killed); its outputs are lost." + (quoted.Length > 0 ? "\nStandard error:\n" + quoted : "");
            FailureDocuments.Write(notebookPath, request.OutputDirectory, message, plotlyElement);
            log.WriteLine($"FAILED {notebookPath}\n  {message}");
            return NotebookRunResult.CellFailed;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>Writes the child's result file.</summary>
    public static void WriteResult(string resultFile, int exitCode) =>
        File.WriteAllText(resultFile, new JsonObject { ["exitCode"] = exitCode }.ToJsonString());

    private static int? ReadResult(string resultFile)
    {
        if (!File.Exists(resultFile)) return null;
        var text = File.ReadAllText(resultFile);
        return text.Length > 0 && JsonNode.Parse(text)?["exitCode"]?.GetValue<int>() is { } code ? code : null;
    }

    private static ProcessStartInfo StartInfo(string notebookPath, RunRequest request, bool isFolderRun, string? plotlyJsPath, string resultFile)
    {
        var (host, prefix) = SelfCommand();
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var arguments = start.ArgumentList;
        foreach (var argument in prefix) arguments.Add(argument);
        arguments.Add("run");
        arguments.Add(notebookPath); // as given: the child runs in this working directory and logs the same paths
        arguments.Add("--output");
        arguments.Add(request.OutputDirectory);
        foreach (var parameter in request.Parameters)
        {
            arguments.Add("--param");
            arguments.Add($"{parameter.Name}={parameter.Value}");
        }
        if (request.Offline && plotlyJsPath is not null)
        {
            arguments.Add("--offline");
            arguments.Add("--plotly-js");
            arguments.Add(plotlyJsPath);
        }
        if (request.CellTimeout is { } timeout)
        {
            arguments.Add("--cell-timeout");
            arguments.Add(timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
        }
        arguments.Add(ResultFileOption);
        arguments.Add(resultFile);
        if (isFolderRun) arguments.Add(FolderRunOption);
        return start;
    }

    /// <summary>How to start secml again: its app host, or the dotnet host with secml.dll.</summary>
    private static (string Host, string[] Prefix) SelfCommand()
    {
        var assembly = typeof(NotebookProcess).Assembly.Location;
        var current = Environment.ProcessPath;
        var name = current is null ? "" : Path.GetFileNameWithoutExtension(current);
        if (name.Equals("secml", StringComparison.OrdinalIgnoreCase)) return (current!, []);
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return (current!, [assembly]);
        var sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return (!string.IsNullOrEmpty(sdkHost) && File.Exists(sdkHost) ? sdkHost : "dotnet", [assembly]);
    }
}
