using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>A cell that failed: where (as the user sees it) and why.</summary>
/// <param name="CellIndex">0-based index in the executed notebook.</param>
/// <param name="Location">e.g. "cell 4, line 2" or "injected-parameters cell".</param>
/// <param name="Message">The compile or runtime error.</param>
public sealed record CellFailure(int CellIndex, string Location, string Message);

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

/// <summary>The outcome of running one notebook.</summary>
public sealed class NotebookRunResult
{
    /// <summary>Exit code when every cell succeeded.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the notebook or its parameters were invalid and it did not (fully) run.</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code when a cell failed (compile or runtime error); later cells still ran.</summary>
    public const int CellFailed = 2;

    internal NotebookRunResult(
        NotebookDocument notebook,
        IReadOnlyList<CellFailure> failures,
        string? invalidInput,
        TimeSpan duration,
        IReadOnlyList<ParameterValue>? parameters = null
    )
    {
        Parameters = parameters ?? [];
        Notebook = notebook;
        Failures = failures;
        InvalidInputMessage = invalidInput;
        Duration = duration;
    }

    /// <summary>The notebook with outputs (and any injected-parameters cell).</summary>
    public NotebookDocument Notebook { get; }

    /// <summary>Cells that failed, in order.</summary>
    public IReadOnlyList<CellFailure> Failures { get; }

    /// <summary>Why the notebook could not run (unsupported magic, bad parameter), or null.</summary>
    public string? InvalidInputMessage { get; }

    /// <summary>
    /// The variables the parameters cell declares, with the values the notebook ran with (defaults, or what
    /// <c>--param</c> injected); empty when the notebook has no parameters cell or did not get past it.
    /// </summary>
    public IReadOnlyList<ParameterValue> Parameters { get; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when every cell ran and succeeded.</summary>
    public bool Succeeded => InvalidInputMessage is null && Failures.Count == 0;

    /// <summary><see cref="Success"/>, <see cref="InvalidInput"/> or <see cref="CellFailed"/>.</summary>
    public int ExitCode =>
        InvalidInputMessage is not null ? InvalidInput
        : Failures.Count > 0 ? CellFailed
        : Success;
}
