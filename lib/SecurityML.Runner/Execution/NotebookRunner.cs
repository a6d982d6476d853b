using SecurityML.Runner.Notebooks;
using SecurityML.Runner.Reports;

namespace SecurityML.Runner.Execution;

/// <summary>What <c>secml run</c> was asked to do.</summary>
public sealed record RunRequest
{
    /// <summary>A .ipynb or .dib file, or a folder whose notebooks run in name order.</summary>
    public required string Path { get; init; }

    /// <summary>Folder for executed notebooks and HTML reports; created if missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Values for the notebooks' parameters cells.</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>Inline plotly.js in reports instead of loading it from the CDN.</summary>
    public bool Offline { get; init; }

    /// <summary>The longest a cell may run (see <see cref="NotebookRunOptions.CellTimeout"/>); null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The plotly.min.js to inline with <see cref="Offline"/>; found automatically when null.</summary>
    public string? PlotlyJsPath { get; init; }
}

/// <summary>
/// Runs one notebook or a folder of them and writes, per notebook, the executed <c>.ipynb</c> and an HTML report.
/// A notebook whose parameters cell declares <c>outputDir</c> gets <c>OUTPUT/&lt;notebook name&gt;</c> unless
/// <c>--param outputDir=...</c> says otherwise.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Name of the parameter that receives each notebook's results folder.</summary>
    public const string OutputDirectoryParameter = "outputDir";

    /// <summary>Runs the request; returns 0 if all succeeded, 2 if a cell failed, 1 if a notebook could not run.</summary>
    public static async Task<int> RunAsync(RunRequest request, TextWriter log, CancellationToken cancellationToken = default)
    {
        var notebooks = FindNotebooks(request.Path);
        var plotly = request.Offline
            ? PlotlyScript.InlineElement(PlotlyScript.Locate(request.PlotlyJsPath, Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!))
            : PlotlyScript.CdnElement();
        Directory.CreateDirectory(request.OutputDirectory);
        var exitCodes = new List<int>();
        foreach (var path in notebooks)
        {
            exitCodes.Add(await RunOneAsync(path, request, notebooks.Count > 1, plotly, log, cancellationToken));
        }
        return exitCodes.Contains(NotebookRunResult.CellFailed) ? NotebookRunResult.CellFailed
            : exitCodes.Contains(NotebookRunResult.InvalidInput) ? NotebookRunResult.InvalidInput
            : NotebookRunResult.Success;
    }

    /// <summary>The notebooks <paramref name="path"/> names: the file itself, or a folder's .ipynb/.dib in name order.</summary>
    /// <exception cref="FileNotFoundException">Nothing to run there.</exception>
    public static IReadOnlyList<string> FindNotebooks(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No notebook or folder at '{path}'.", path);
        var found = Directory.EnumerateFiles(path)
            .Where(file => file.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        return found.Count > 0 ? found : throw new FileNotFoundException($"No .ipynb or .dib notebooks in '{path}'.", path);
    }

    private static async Task<int> RunOneAsync(string path, RunRequest request, bool isFolderRun, string plotly,
        TextWriter log, CancellationToken cancellationToken)
    {
        NotebookDocument notebook;
        try
        {
            notebook = NotebookDocument.Load(path);
        }
        catch (NotebookFormatException e)
        {
            await log.WriteLineAsync($"FAILED {path}: {e.Message}");
            return NotebookRunResult.InvalidInput;
        }
        await log.WriteLineAsync($"Running {path}");
        var options = new NotebookRunOptions
        {
            Parameters = WithOutputDirectory(request, notebook.Name),
            IgnoreUnknownParameters = isFolderRun,
            CellTimeout = request.CellTimeout,
            Log = log,
        };
        var result = await NotebookExecutor.RunAsync(notebook, options, cancellationToken);
        var executedPath = Path.Combine(request.OutputDirectory, notebook.Name + ".ipynb");
        IpynbWriter.Write(result.Notebook, executedPath);
        var reportPath = Path.Combine(request.OutputDirectory, notebook.Name + ".html");
        await File.WriteAllTextAsync(reportPath, HtmlReportWriter.Render(result, plotly), cancellationToken);
        await log.WriteLineAsync(Summary(path, result, executedPath, reportPath));
        return result.ExitCode;
    }

    private static IReadOnlyList<NotebookParameter> WithOutputDirectory(RunRequest request, string notebookName)
    {
        if (request.Parameters.Any(p => p.Name == OutputDirectoryParameter)) return request.Parameters;
        var folder = Path.GetFullPath(Path.Combine(request.OutputDirectory, notebookName));
        return [.. request.Parameters, new NotebookParameter(OutputDirectoryParameter, folder, Optional: true)];
    }

    private static string Summary(string path, NotebookRunResult result, string executedPath, string reportPath)
    {
        var seconds = result.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var status = result.Succeeded ? "ok" : "FAILED";
        var details = result.InvalidInputMessage is { } invalid ? "\n  " + invalid
            : string.Concat(result.Failures.Select(f => "\n  " + f.Message));
        return $"{status} {path} ({seconds} s) -> {executedPath}, {reportPath}{details}";
    }
}
