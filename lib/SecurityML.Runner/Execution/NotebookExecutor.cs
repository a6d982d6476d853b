using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using SecurityML.Runner.Formatting;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Executes a notebook's C# cells in order on one Roslyn script state (variables, usings and <c>#r</c> carry
/// across cells), with the notebook's folder as the current directory. Every cell runs even after a failure.
/// Not thread-safe across instances: it sets the process's current directory and console while running.
/// </summary>
public sealed class NotebookExecutor
{
    private static readonly SemaphoreSlim ProcessWide = new(1, 1);
    private static NotebookExecutor? _running;
    private readonly NotebookDocument _notebook;
    private readonly NotebookRunOptions _options;
    private readonly OutputSink _sink = new();
    private readonly List<CellFailure> _failures = [];
    private readonly string _directory;
    private ScriptState<object>? _state;
    private int _executionCount;
    private bool _timedOut;
    private (int Index, string Label)? _runningCell;
    private IReadOnlyList<string> _parameterNames = [];
    private IReadOnlyList<ParameterValue> _parameters = [];
    private readonly Stopwatch _clock = new();

    private NotebookExecutor(NotebookDocument notebook, NotebookRunOptions options)
    {
        _notebook = notebook;
        _options = options;
        _directory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
    }

    /// <summary>Runs <paramref name="notebook"/> (its cells receive the outputs) and reports what failed.</summary>
    public static async Task<NotebookRunResult> RunAsync(
        NotebookDocument notebook,
        NotebookRunOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        var executor = new NotebookExecutor(notebook, options ?? new NotebookRunOptions());
        await ProcessWide.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref _running, executor);
            return await executor.RunAllAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _running, null);
            ProcessWide.Release();
        }
    }

    /// <summary>
    /// For a process that is ending while a notebook runs: fails the running cell with <paramref name="reason"/>
    /// and returns the notebook as it is now; null if no notebook is running.
    /// </summary>
    internal static NotebookRunResult? AbortRunning(string reason)
    {
        var executor = Volatile.Read(ref _running);
        if (executor is null)
            return null;
        executor._sink.Begin(null);
        if (executor._runningCell is { } cell)
        {
            var message = $"{cell.Label}: {reason}";
            executor.Fail(cell.Index, (new ErrorOutput("ProcessExit", message, [message]), cell.Label, message));
        }
        return new NotebookRunResult(
            executor._notebook,
            executor._failures,
            null,
            executor._clock.Elapsed,
            executor._parameters
        );
    }

    private async Task<NotebookRunResult> RunAllAsync(CancellationToken cancellationToken)
    {
        var clock = _clock;
        clock.Start();
        Dictionary<NotebookCell, (PreparedCell Code, string Label)> prepared;
        try
        {
            prepared = PrepareAll();
        }
        catch (NotebookValidationException e)
        {
            return new NotebookRunResult(_notebook, [], e.Message, clock.Elapsed);
        }
        var previousDirectory = Environment.CurrentDirectory;
        var previousCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Environment.CurrentDirectory = _directory;
        string? invalidInput = null;
        var capture = new ConsoleCapture(_sink);
        try
        {
            invalidInput = await RunCellsAsync(prepared, cancellationToken);
        }
        finally
        {
            _sink.Begin(null);
            _runningCell = null;
            if (_timedOut && _options.SilenceAfterTimeout)
                ConsoleCapture.Silence();
            else
                capture.Dispose();
            Environment.CurrentDirectory = previousDirectory;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previousCulture;
        }
        return new NotebookRunResult(_notebook, _failures, invalidInput, clock.Elapsed, _parameters);
    }

    private Dictionary<NotebookCell, (PreparedCell, string)> PrepareAll()
    {
        var prepared = new Dictionary<NotebookCell, (PreparedCell, string)>();
        for (var index = 0; index < _notebook.Cells.Count; index++)
        {
            var cell = _notebook.Cells[index];
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (cell.Kind == CellKind.Code && cell.Language != NotebookLanguages.Html)
            {
                prepared[cell] = (CellPreparer.Prepare(cell, index + 1, _notebook.Path), $"cell {index + 1}");
            }
        }
        return prepared;
    }

    private async Task<string?> RunCellsAsync(
        Dictionary<NotebookCell, (PreparedCell Code, string Label)> prepared,
        CancellationToken cancellationToken
    )
    {
        for (var index = 0; index < _notebook.Cells.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cell = _notebook.Cells[index];
            if (cell.Kind != CellKind.Code || _timedOut)
                continue;
            cell.ExecutionCount = ++_executionCount;
            _sink.Begin(cell);
            if (cell.Language == NotebookLanguages.Html)
            {
                cell.Outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/html"] = cell.Source }));
                continue;
            }
            var (code, _) = prepared[cell];
            var label = Label(cell.ExecutionCount.Value);
            _runningCell = (index, label);
            var isParameters = cell.Tags.Contains("parameters") && !cell.Tags.Contains(ParameterInjector.InjectedTag);
            var declaredBefore = isParameters ? VariableNames() : null;
            var succeeded = await RunCellAsync(cell, index, code, label, cancellationToken);
            _options.Log?.WriteLine($"  {label} {(succeeded ? "ok" : "FAILED")}");
            if (succeeded && declaredBefore is not null)
                _parameterNames = [.. VariableNames().Except(declaredBefore)];
            if (succeeded && (isParameters || cell.Tags.Contains(ParameterInjector.InjectedTag)))
                _parameters = ParameterValues();
            if (cell.Tags.Contains("parameters") && !cell.Tags.Contains(ParameterInjector.InjectedTag))
            {
                if (!succeeded)
                    return $"{_notebook.Path}: the parameters cell ({label}) failed; parameters cannot be injected.";
                var error = InjectParameters(index, prepared);
                if (error is not null)
                    return error;
            }
        }
        return
            _options.Parameters.Any(p => !p.Optional)
            && !_notebook.Cells.Any(c => c.Tags.Contains("parameters"))
            && !_options.IgnoreUnknownParameters
            ? $"{_notebook.Path}: --param was given but no cell is tagged 'parameters' (in .dib, start the cell "
                + $"with '{DibReader.ParametersMarker}')."
            : null;
    }

    /// <summary>
    /// How a cell is named in messages, the console and the report once it runs: by its execution count, as Jupyter
    /// and VS Code show it beside the cell (<c>In [10]</c>) and IPython names cells in tracebacks. Problems found
    /// before anything runs name the cell by its position instead (<c>cell 3</c>), as no cell has a count yet.
    /// </summary>
    public static string Label(int executionCount) => $"In [{executionCount.ToString(CultureInfo.InvariantCulture)}]";

    private async Task<bool> RunCellAsync(
        NotebookCell cell,
        int index,
        PreparedCell code,
        string label,
        CancellationToken cancellationToken
    )
    {
        var options = ScriptEnvironment.For(
            _directory,
            Path.Combine(_directory, $"{Path.GetFileName(_notebook.Path)} {label}")
        );
        var clock = Stopwatch.StartNew();
        try
        {
            var previous = _state;
            var script = previous is null
                ? CSharpScript.Create<object>(code.Code, options, typeof(NotebookGlobals))
                : previous.Script.ContinueWith<object>(code.Code, options);
            // Compiled before the clock starts: --cell-timeout limits running, not Roslyn's start-up in a fresh
            // process.
            await Task.Run(() => script.Compile(cancellationToken), cancellationToken);
            clock.Restart();
            var run = Task.Run(
                () =>
                    previous is null
                        ? script.RunAsync(new NotebookGlobals(_sink), _ => true, cancellationToken)
                        : script.RunFromAsync(previous, _ => true, cancellationToken),
                cancellationToken
            );
            if (
                _options.CellTimeout is { } timeout
                && await Task.WhenAny(run, Task.Delay(timeout, cancellationToken)) != run
            )
            {
                _timedOut = true;
                var message =
                    $"{label}: timed out after "
                    + $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; the cells "
                    + $"after it were not run";
                return Fail(index, (new ErrorOutput("TimeoutException", message, [message]), label, message));
            }
            _state = await run;
        }
        catch (CompilationErrorException e)
        {
            return Fail(index, CompileError(e, label));
        }
        if (code.MeasureTime)
            _sink.Write(
                "stdout",
                $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms\n"
            );
        if (_state.Exception is { } exception)
            return Fail(index, RuntimeError(exception, label));
        if (_state.ReturnValue is not { } value)
            return true;
        try
        {
            // Formatting enumerates lazy sequences, which may throw: that is the cell's failure, not the runner's.
            cell.Outputs.Add(new DisplayOutput(ValueFormatter.Format(value), IsResult: true));
        }
        catch (Exception formattingError)
        {
            return Fail(index, RuntimeError(formattingError, label));
        }
        return true;
    }

    private bool Fail(int index, (ErrorOutput Output, string Location, string Message) error)
    {
        _notebook.Cells[index].Outputs.Add(error.Output);
        _failures.Add(new CellFailure(index, error.Location, error.Message));
        return false;
    }

    private (ErrorOutput, string, string) CompileError(CompilationErrorException e, string label)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = errors
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"{label}, line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: "
                    + $"{d.GetMessage(CultureInfo.InvariantCulture)}{ReferenceHint.For(d, _directory)}";
            })
            .ToList();
        var first = lines.FirstOrDefault() ?? $"{label}: {e.Message}";
        var at = first.IndexOf(": error", StringComparison.Ordinal);
        var location = at > 0 ? first[..at] : label;
        return (new ErrorOutput("CompilationError", first, lines), location, first);
    }

    private (ErrorOutput, string, string) RuntimeError(Exception exception, string label)
    {
        while (
            exception is TargetInvocationException or AggregateException { InnerExceptions.Count: 1 }
            && exception.InnerException is not null
        )
        {
            exception = exception.InnerException;
        }
        var trace = (exception.StackTrace ?? "")
            .Split('\n')
            .Select(line => line.Trim().Replace(_directory + Path.DirectorySeparatorChar, ""))
            .TakeWhile(line => !line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Where(line => line.Length > 0 && !line.StartsWith("---", StringComparison.Ordinal))
            .ToList();
        var lineNumber = trace
            .Select(line =>
                System.Text.RegularExpressions.Regex.Match(
                    line,
                    System.Text.RegularExpressions.Regex.Escape(label) + @":line (\d+)"
                )
            )
            .FirstOrDefault(match => match.Success)
            ?.Groups[1]
            .Value;
        var location = lineNumber is null ? label : $"{label}, line {lineNumber}";
        var message = $"{exception.GetType().Name}: {exception.Message}";
        var traceback = new List<string> { message };
        traceback.AddRange(trace);
        return (
            new ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback),
            location,
            $"{location}: {message}"
        );
    }

    private List<string> VariableNames() => [.. (_state?.Variables.Select(v => v.Name) ?? []).Distinct()];

    /// <summary>The parameters cell's variables with their current values (the last declaration of each
    /// name).</summary>
    private List<ParameterValue> ParameterValues()
    {
        var variables = _state!.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Last());
        return
        [
            .. _parameterNames.Select(name => ParameterValue.Of(name, variables[name].Type, variables[name].Value)),
        ];
    }

    private string? InjectParameters(
        int parametersIndex,
        Dictionary<NotebookCell, (PreparedCell Code, string Label)> prepared
    )
    {
        if (_options.Parameters.Count == 0)
            return null;
        var variables = _state!.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Last().Type);
        var lines = new List<string> { "// Parameters injected by secml run --param" };
        foreach (var parameter in _options.Parameters)
        {
            if (!variables.TryGetValue(parameter.Name, out var type))
            {
                if (_options.IgnoreUnknownParameters || parameter.Optional)
                {
                    lines.Add($"// --param {parameter.Name}: not declared in this notebook's parameters cell; ignored");
                    continue;
                }
                return $"{_notebook.Path}: --param {parameter.Name}: the parameters cell declares no such "
                    + $"variable (declared: {string.Join(", ", variables.Keys.Order())}).";
            }
            try
            {
                lines.Add(ParameterInjector.Assignment(parameter, type));
            }
            catch (ArgumentException e)
            {
                return $"{_notebook.Path}: {e.Message.Replace(" (Parameter 'parameter')", "")}";
            }
        }
        var injected = new NotebookCell(CellKind.Code, string.Join("\n", lines))
        {
            Metadata = NotebookMetadata.CodeCell(NotebookLanguages.CSharp),
        };
        injected.AddTag(ParameterInjector.InjectedTag);
        _notebook.Cells.Insert(parametersIndex + 1, injected);
        prepared[injected] = (new PreparedCell(injected.Source, false), "injected-parameters cell");
        return null;
    }
}
