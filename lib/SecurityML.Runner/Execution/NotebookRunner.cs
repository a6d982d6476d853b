using SecurityML.Runner.NotebookFiles;
using SecurityML.Runner.Reports;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Runs one notebook or a folder of them and writes, per notebook, the executed <c>.ipynb</c> and an HTML report.
/// A notebook whose parameters cell declares <c>outputDir</c> gets <c>OUTPUT/&lt;notebook name&gt;</c> unless
/// <c>--param outputDir=...</c> says otherwise.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Name of the parameter that receives each notebook's results folder.</summary>
    public const string OutputDirectoryParameter = "outputDir";

    /// <summary>Name of the index page a folder run writes into the output folder.</summary>
    public const string IndexFileName = "index.html";

    /// <summary>
    /// Runs the request; returns 0 if all succeeded, 2 if a cell failed, 1 if a notebook could not run. A folder run
    /// also writes <see cref="IndexFileName"/> (every notebook with status, duration, parameters and links) and logs
    /// one summary line with its path.
    /// </summary>
    public static async Task<int> RunAsync(
        RunRequest request,
        TextWriter log,
        CancellationToken cancellationToken = default
    )
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var notebooks = FindNotebooks(request.Path);
        var plotlyJsPath = request.Offline
            ? PlotlyScript.Locate(request.PlotlyJsPath, Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!)
            : null;
        var plotly = plotlyJsPath is not null ? PlotlyScript.InlineElement(plotlyJsPath) : PlotlyScript.CdnElement();
        Directory.CreateDirectory(request.OutputDirectory);
        var isFolderRun = notebooks.Count > 1 || request.FolderRun;
        var summaries =
            request.Isolated && request.ResultFile is null
                ? await RunIsolatedAsync(notebooks, request, isFolderRun, plotlyJsPath, plotly, log, cancellationToken)
                : await RunInProcessAsync(notebooks, request, isFolderRun, plotly, log, cancellationToken);
        var exitCodes = summaries.Select(s => s.ExitCode).ToList();
        if (request.ResultFile is null)
            LogSummary(request, summaries, clock.Elapsed, Directory.Exists(request.Path), log);
        return exitCodes.Contains(NotebookRunResult.CellFailed) ? NotebookRunResult.CellFailed
            : exitCodes.Contains(NotebookRunResult.InvalidInput) ? NotebookRunResult.InvalidInput
            : NotebookRunResult.Success;
    }

    /// <summary>Writes the index of a folder run and logs the one-line summary (with the index's path).</summary>
    private static void LogSummary(
        RunRequest request,
        IReadOnlyList<NotebookSummary> summaries,
        TimeSpan elapsed,
        bool isFolder,
        TextWriter log
    )
    {
        var counts = string.Join(
            ", ",
            summaries
                .GroupBy(s => s.Status)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key}")
        );
        var line =
            $"{summaries.Count} notebook{(summaries.Count == 1 ? "" : "s")}: {counts} in "
            + $"{NotebookSummary.Seconds(elapsed)}";
        if (isFolder)
        {
            var indexPath = Path.Combine(request.OutputDirectory, IndexFileName);
            File.WriteAllText(
                indexPath,
                IndexPageWriter.Render(
                    Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Path))),
                    summaries,
                    elapsed
                )
            );
            line += $"; index: {indexPath}";
        }
        else
        {
            line += $"; report: {Path.Combine(request.OutputDirectory, summaries[0].Name + ".html")}";
        }
        lock (log)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }

    private static async Task<List<NotebookSummary>> RunInProcessAsync(
        IReadOnlyList<string> notebooks,
        RunRequest request,
        bool isFolderRun,
        string plotly,
        TextWriter log,
        CancellationToken cancellationToken
    )
    {
        var summaries = new List<NotebookSummary>();
        for (var index = 0; index < notebooks.Count; index++)
        {
            if (notebooks.Count > 1)
                await log.WriteLineAsync(Progress(index, notebooks));
            summaries.Add(await RunOneAsync(notebooks[index], request, isFolderRun, plotly, log, cancellationToken));
        }
        return summaries;
    }

    private static string Progress(int index, IReadOnlyList<string> notebooks) =>
        $"[{index + 1}/{notebooks.Count}] {notebooks[index]}";

    /// <summary>The notebooks <paramref name="path"/> names: the file itself, or a folder's .ipynb/.dib in name
    /// order.</summary>
    /// <exception cref="FileNotFoundException">Nothing to run there.</exception>
    public static IReadOnlyList<string> FindNotebooks(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"No notebook or folder at '{path}'.", path);
        var found = Directory
            .EnumerateFiles(path)
            .Where(file =>
                file.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)
            )
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count > 0
            ? found
            : throw new FileNotFoundException($"No .ipynb or .dib notebooks in '{path}'.", path);
    }

    /// <summary>Runs each notebook in its own child process; the next one's child starts while the current one
    /// runs.</summary>
    private static async Task<List<NotebookSummary>> RunIsolatedAsync(
        IReadOnlyList<string> notebooks,
        RunRequest request,
        bool isFolderRun,
        string? plotlyJsPath,
        string plotly,
        TextWriter log,
        CancellationToken cancellationToken
    )
    {
        var summaries = new List<NotebookSummary>();
        NotebookProcess? next = null;
        try
        {
            for (var index = 0; index < notebooks.Count; index++)
            {
                if (notebooks.Count > 1)
                    lock (log)
                        log.WriteLine(Progress(index, notebooks));
                NotebookSummary? unreadable = null;
                var current =
                    next
                    ?? (
                        TryLoad(notebooks[index], request, plotly, log, out _, out unreadable)
                            ? NotebookProcess.Start(notebooks[index], request, isFolderRun, plotlyJsPath, log)
                            : null
                    );
                next = null;
                if (current is null)
                {
                    summaries.Add(unreadable!);
                    continue;
                }
                using (current)
                {
                    if (index + 1 < notebooks.Count && IsReadable(notebooks[index + 1]))
                    {
                        next = NotebookProcess.Start(notebooks[index + 1], request, isFolderRun, plotlyJsPath, log);
                    }
                    summaries.Add(await current.RunAsync(request, plotly, log, cancellationToken));
                }
            }
        }
        finally
        {
            next?.Dispose();
        }
        return summaries;
    }

    private static bool IsReadable(string path)
    {
        try
        {
            NotebookDocument.Load(path);
            return true;
        }
        catch (NotebookFormatException)
        {
            return false;
        }
    }

    /// <summary>Reads the notebook; when it is not readable, writes the failure documents and logs why.</summary>
    private static bool TryLoad(
        string path,
        RunRequest request,
        string plotly,
        TextWriter log,
        out NotebookDocument notebook,
        out NotebookSummary? unreadable
    )
    {
        unreadable = null;
        try
        {
            notebook = NotebookDocument.Load(path);
            return true;
        }
        catch (NotebookFormatException e)
        {
            var (executedPath, reportPath) = FailureDocuments.Write(path, request.OutputDirectory, e.Message, plotly);
            lock (log)
                log.WriteLine($"FAILED {path} -> {executedPath}, {reportPath}\n  {e.Message}");
            unreadable = NotebookSummary.NotRun(path, NotebookRunResult.InvalidInput, e.Message);
            notebook = null!;
            return false;
        }
    }

    private static async Task<NotebookSummary> RunOneAsync(
        string path,
        RunRequest request,
        bool isFolderRun,
        string plotly,
        TextWriter log,
        CancellationToken cancellationToken
    )
    {
        if (!TryLoad(path, request, plotly, log, out var notebook, out var unreadable))
        {
            if (request.ResultFile is not null)
                NotebookProcess.WriteResult(request.ResultFile, unreadable!);
            return unreadable!;
        }
        if (!isFolderRun)
            await log.WriteLineAsync($"Running {path}");
        var options = new NotebookRunOptions
        {
            Parameters = WithOutputDirectory(request, notebook.Name),
            IgnoreUnknownParameters = isFolderRun,
            CellTimeout = request.CellTimeout,
            Log = log,
            SilenceAfterTimeout = request.ResultFile is not null,
        };
        var outputDirectory = Path.GetFullPath(request.OutputDirectory);
        using var exitGuard = request.ResultFile is { } resultFile
            ? new ProcessExitGuard(result => Finish(path, request, result, plotly, log, resultFile, outputDirectory))
            : null;
        var result = await NotebookExecutor.RunAsync(notebook, options, cancellationToken);
        return exitGuard is null || exitGuard.TryComplete()
            ? Finish(path, request, result, plotly, log, request.ResultFile, outputDirectory)
            : NotebookSummary.From(result) with
            {
                ExitCode = NotebookRunResult.CellFailed,
            };
    }

    /// <summary>Writes the executed notebook, the report and (in a child process) the result file; returns the
    /// summary.</summary>
    private static NotebookSummary Finish(
        string path,
        RunRequest request,
        NotebookRunResult result,
        string plotly,
        TextWriter log,
        string? resultFile,
        string outputDirectory
    )
    {
        result = OutputRedaction.Apply(result);
        // Paths as given for the log; written by full path, as a process exit can come while the notebook's folder is
        // current.
        var executedPath = Path.Combine(request.OutputDirectory, result.Notebook.Name + ".ipynb");
        IpynbWriter.Write(result.Notebook, Path.Combine(outputDirectory, result.Notebook.Name + ".ipynb"));
        var reportPath = Path.Combine(request.OutputDirectory, result.Notebook.Name + ".html");
        File.WriteAllText(
            Path.Combine(outputDirectory, result.Notebook.Name + ".html"),
            HtmlReportWriter.Render(result, plotly)
        );
        log.WriteLine(Summary(path, result, executedPath, reportPath));
        log.Flush();
        var summary = NotebookSummary.From(result);
        if (resultFile is not null)
            NotebookProcess.WriteResult(resultFile, summary);
        return summary;
    }

    private static IReadOnlyList<NotebookParameter> WithOutputDirectory(RunRequest request, string notebookName)
    {
        if (request.Parameters.Any(p => p.Name == OutputDirectoryParameter))
            return request.Parameters;
        var folder = Path.GetFullPath(Path.Combine(request.OutputDirectory, notebookName));
        return [.. request.Parameters, new NotebookParameter(OutputDirectoryParameter, folder, Optional: true)];
    }

    private static string Summary(string path, NotebookRunResult result, string executedPath, string reportPath)
    {
        var seconds = result.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var status = result.Succeeded ? "ok" : "FAILED";
        var details = result.InvalidInputMessage is { } invalid
            ? "\n  " + invalid
            : RootFailure.ConsoleLines([.. result.Failures.Select(f => f.Message)]);
        return $"{status} {path} ({seconds} s) -> {executedPath}, {reportPath}{details}";
    }
}
