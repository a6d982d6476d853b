namespace SecurityML.Runner.Execution;

/// <summary>
/// In the child process of an isolated run: when the process ends while a notebook is still running (the notebook
/// called <c>Environment.Exit</c>, or the process got SIGTERM), the cell that was running is failed and the executed
/// notebook, report and result are written before the process goes. .NET cannot cancel such an exit; it can only run
/// <see cref="AppDomain.ProcessExit"/> handlers, which is where this writes.
/// </summary>
internal sealed class ProcessExitGuard : IDisposable
{
    private readonly Action<NotebookRunResult> _finish;
    private int _state; // 0 running, 1 completed normally, 2 ended by a process exit

    public ProcessExitGuard(Action<NotebookRunResult> finish)
    {
        _finish = finish;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Marks the run complete; false if a process exit already took over (then it writes the
    /// results).</summary>
    public bool TryComplete() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) != 0)
            return;
        var code = Environment.ExitCode;
        var result = NotebookExecutor.AbortRunning(
            $"the process was ended (exit code {code}) while this cell ran, by Environment.Exit or a signal; the "
                + $"cells after it were not run"
        );
        if (result is not null)
            _finish(result);
    }
}
