using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>Options for one notebook execution.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Values for the parameters cell (papermill semantics).</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>When true (folder runs), a parameter the notebook does not declare is skipped with a note.</summary>
    public bool IgnoreUnknownParameters { get; init; }

    /// <summary>
    /// The longest a cell may run; null for no limit. A cell that overruns fails, and the cells after it do not run
    /// (its code may still be running and the script state is unusable). Runaway cells end with the process.
    /// </summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// After a timed-out cell, leave the console silenced instead of restoring it, so that the cell (still running)
    /// cannot write into the runner's own output. For a process that runs one notebook and ends.
    /// </summary>
    public bool SilenceAfterTimeout { get; init; }

    /// <summary>Progress lines ("cell 3/12 ok") go here; null for none.</summary>
    public TextWriter? Log { get; init; }
}
