using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Runs one notebook in a child <c>secml run</c> process, so that whatever the notebook does (<c>Environment.Exit</c>,
/// a cell that keeps running after its timeout, a crash) can only fail that notebook. The child writes the executed
/// notebook, the report and a result file; when it ends without a result file, the parent writes the notebook and a
/// report that say how the process ended. The next notebook's child is started (and waits, with Roslyn warmed up)
/// while the current one runs, which hides most of a new process's start-up on a machine with two or more cores.
/// </summary>
internal sealed class NotebookProcess : IDisposable
{
    /// <summary>Hidden <c>secml run</c> option: where the child writes its result
    /// (<see cref="NotebookSummary.ToJson"/>).</summary>
    public const string ResultFileOption = "--result-file";

    /// <summary>Hidden <c>secml run</c> option: the notebook is one of a folder run (unknown --param names are
    /// skipped).</summary>
    public const string FolderRunOption = "--folder-run";

    /// <summary>About the most characters of the child's standard error (its first lines, which name the error) quoted
    /// in a report when the child died.</summary>
    private const int MaxErrorText = 4000;

    /// <summary>Hidden <c>secml run</c> option: warm up, then wait for <see cref="StartSignal"/> on standard
    /// input.</summary>
    public const string WaitForStartOption = "--wait-for-start";

    /// <summary>The line a waiting child needs on standard input to run its notebook; anything else ends it.</summary>
    public const string StartSignal = "start";

    private readonly Process _process;
    private readonly string _notebookPath;
    private readonly string _resultFile;
    private readonly StringBuilder _errors = new();
    private int _droppedErrorLines;

    private NotebookProcess(Process process, string notebookPath, string resultFile)
    {
        _process = process;
        _notebookPath = notebookPath;
        _resultFile = resultFile;
    }

    /// <summary>
    /// Starts the child for <paramref name="notebookPath"/>: it starts Roslyn and waits for <see cref="RunAsync"/>, so
    /// the next notebook's process can start while the current one runs. Its output goes to <paramref name="log"/>.
    /// </summary>
    public static NotebookProcess Start(
        string notebookPath,
        RunRequest request,
        bool isFolderRun,
        string? plotlyJsPath,
        TextWriter log
    )
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"secml-result-{Guid.NewGuid():N}.json");
        var process = new Process
        {
            StartInfo = StartInfo(notebookPath, request, isFolderRun, plotlyJsPath, resultFile),
        };
        var child = new NotebookProcess(process, notebookPath, resultFile);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                lock (log)
                    log.WriteLine(OutputRedaction.Redact(line.Data));
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
                return;
            lock (log)
            {
                var text = OutputRedaction.Redact(line.Data);
                log.WriteLine(text);
                if (child._errors.Length < MaxErrorText)
                    child._errors.Append(text).Append('\n');
                else
                    child._droppedErrorLines++;
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Lets the child run its notebook and waits for it; returns its summary (exit code 0, 1 or 2).</summary>
    public async Task<NotebookSummary> RunAsync(
        RunRequest request,
        string plotlyElement,
        TextWriter log,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(StartSignal);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child already ended (e.g. it could not start Roslyn): reported below from its exit.
        }
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }
        _process.WaitForExit(); // drains the redirected streams
        if (ReadResult(_resultFile) is { } summary)
            return summary;
        var quoted =
            _errors.ToString().TrimEnd()
            + (
                _droppedErrorLines > 0
                    ? $"\n[{_droppedErrorLines} more lines of standard error: see secml's output]"
                    : ""
            );
        var message =
            $"{_notebookPath}: the notebook's process ended with exit code {_process.ExitCode} before the run finished "
            + "(a crash, or the process was killed); its outputs are lost."
            + (quoted.Length > 0 ? "\nStandard error:\n" + quoted : "");
        FailureDocuments.Write(_notebookPath, request.OutputDirectory, message, plotlyElement);
        lock (log)
            log.WriteLine($"FAILED {_notebookPath}\n  {message}");
        return NotebookSummary.NotRun(_notebookPath, NotebookRunResult.CellFailed, message);
    }

    /// <summary>Ends a child that was not run (closing its standard input ends it) and deletes its result
    /// file.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                    _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        File.Delete(_resultFile);
    }

    /// <summary>
    /// In a child started with <see cref="WaitForStartOption"/>: compiles and runs a trivial cell, so that Roslyn is
    /// ready, then waits for <see cref="StartSignal"/>. Returns false when the parent ended it instead.
    /// </summary>
    public static bool WarmUpAndWait()
    {
        var directory = Environment.CurrentDirectory;
        Microsoft
            .CodeAnalysis.CSharp.Scripting.CSharpScript.RunAsync<object>(
                "1",
                ScriptEnvironment.For(directory, Path.Combine(directory, "secml warm-up")),
                new NotebookGlobals(new OutputSink()),
                typeof(NotebookGlobals)
            )
            .GetAwaiter()
            .GetResult();
        return Console.In.ReadLine() == StartSignal;
    }

    /// <summary>Writes the child's result file: the notebook's summary as JSON.</summary>
    public static void WriteResult(string resultFile, NotebookSummary summary) =>
        File.WriteAllText(resultFile, summary.ToJson().ToJsonString());

    private static NotebookSummary? ReadResult(string resultFile)
    {
        if (!File.Exists(resultFile))
            return null;
        var text = File.ReadAllText(resultFile);
        return text.Length > 0 && JsonNode.Parse(text) is { } json ? NotebookSummary.FromJson(json) : null;
    }

    private static ProcessStartInfo StartInfo(
        string notebookPath,
        RunRequest request,
        bool isFolderRun,
        string? plotlyJsPath,
        string resultFile
    )
    {
        var (host, prefix) = SelfCommand();
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var arguments = start.ArgumentList;
        foreach (var argument in prefix)
            arguments.Add(argument);
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
        if (isFolderRun)
            arguments.Add(FolderRunOption);
        arguments.Add(WaitForStartOption);
        return start;
    }

    /// <summary>How to start secml again: its app host, or the dotnet host with secml.dll.</summary>
    private static (string Host, string[] Prefix) SelfCommand()
    {
        var assembly = typeof(NotebookProcess).Assembly.Location;
        var current = Environment.ProcessPath;
        var name = current is null ? "" : Path.GetFileNameWithoutExtension(current);
        if (name.Equals("secml", StringComparison.OrdinalIgnoreCase))
            return (current!, []);
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return (current!, [assembly]);
        var sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return (!string.IsNullOrEmpty(sdkHost) && File.Exists(sdkHost) ? sdkHost : "dotnet", [assembly]);
    }
}
