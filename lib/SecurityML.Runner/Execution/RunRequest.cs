using SecurityML.Runner.NotebookFiles;
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

    /// <summary>The longest a cell may run (see <see cref="NotebookRunOptions.CellTimeout"/>); null for no
    /// limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The plotly.min.js to inline with <see cref="Offline"/>; found automatically when null.</summary>
    public string? PlotlyJsPath { get; init; }

    /// <summary>
    /// True (what <c>secml run</c> does unless <c>--in-process</c>): each notebook runs in its own <c>secml</c>
    /// process, so <c>Environment.Exit</c>, a timed-out cell that keeps running or a crash fails only that notebook,
    /// at about 1–2 s of CPU per notebook for the new process. False (default for callers of this API): notebooks run
    /// in this process; a notebook that ends the process ends the whole run.
    /// </summary>
    public bool Isolated { get; init; }

    /// <summary>Set in the child process of an isolated run: where to write the notebook's result.</summary>
    internal string? ResultFile { get; init; }

    /// <summary>Set in the child process of an isolated folder run: unknown --param names are skipped.</summary>
    internal bool FolderRun { get; init; }
}
