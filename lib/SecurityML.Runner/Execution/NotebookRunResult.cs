using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

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
