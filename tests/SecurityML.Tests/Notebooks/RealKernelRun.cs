using System.Diagnostics;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// Runs every notebook in notebooks/ once in the real .NET Interactive kernel (<see cref="DotnetRepl"/>) and once
/// through <c>secml run notebooks</c> (in-process), for <see cref="RealKernelTests"/> to compare.
/// </summary>
/// <remarks>
/// Parameters are those <c>secml run</c> uses in a folder run: <c>outputDir = ROOT/&lt;notebook name&gt;</c> with
/// ROOT a temporary folder per kernel. dotnet-repl cannot set a parameters cell, so the kernel runs a copy of the
/// notebook (written as .ipynb) with the cell secml injects (tagged <c>injected-parameters</c>, the same statement)
/// after the parameters cell; the kernel's current directory is notebooks/, where the committed notebooks'
/// relative paths (<c>#r "../artifacts/lib/SecurityML.dll"</c>, <c>../sample-data</c>) resolve, as in VS Code.
/// At most <see cref="Parallelism"/> kernels run at once, each stopped after <see cref="NotebookTimeout"/>; a
/// notebook whose code names another notebook (02 loads the model 01 saved under ROOT) starts after it, as in
/// secml's name-ordered folder run.
/// </remarks>
public sealed class RealKernelRun : IAsyncLifetime
{
    /// <summary>The longest one notebook may run in the kernel (the slowest takes about 20 s on 2 cores).</summary>
    public static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Kernel processes at once: the machine's cores, at most 2 (each kernel compiles on its own
    /// core).</summary>
    public static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount, 1, 2);

    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, ReplRun> _kernelRuns = new();

    /// <summary>Why dotnet-repl cannot run (the message says to run <c>dotnet tool restore</c>), or null.</summary>
    public string? ToolProblem { get; private set; }

    /// <summary>The results root of the kernel runs; also holds the notebook copies and executed notebooks.</summary>
    public string KernelFolder => _folder["kernel"];

    /// <summary>The <c>--output</c> folder of the secml run (executed notebooks, reports, results); its path is as
    /// long as <see cref="KernelFolder"/>'s, so results paths cut to a maximum length in tables cut alike.</summary>
    public string SecmlFolder => _folder["runner"];

    /// <summary>The secml run's exit code and log.</summary>
    public (int ExitCode, string Log, TimeSpan Duration) Secml { get; private set; }

    /// <summary>Wall time of all kernel runs together.</summary>
    public TimeSpan KernelDuration { get; private set; }

    /// <summary>Each notebook's kernel run by name (without extension); missing if the tool could not run.</summary>
    public IReadOnlyDictionary<string, ReplRun> KernelRuns => _kernelRuns;

    /// <summary>Every notebook's path in notebooks/, in name order.</summary>
    public static IReadOnlyList<string> NotebookPaths => NotebookRunner.FindNotebooks(RepositoryPaths.Notebooks);

    /// <summary>The executed notebook the kernel wrote for <paramref name="name"/>.</summary>
    public string KernelNotebook(string name) => Path.Combine(KernelFolder, name + ".ipynb");

    /// <summary>The copy of <paramref name="name"/> the kernel ran (with the injected-parameters cell).</summary>
    public string KernelInput(string name) => Path.Combine(KernelFolder, name + ".input.ipynb");

    /// <summary>The executed notebook secml wrote for <paramref name="name"/>.</summary>
    public string SecmlNotebook(string name) => Path.Combine(SecmlFolder, name + ".ipynb");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(KernelFolder);
        ToolProblem = await DotnetRepl.ProblemAsync();
        if (ToolProblem is not null)
            return; // every test fails with it
        var secml = Task.Run(RunSecmlAsync);
        var clock = Stopwatch.StartNew();
        await RunKernelsAsync();
        KernelDuration = clock.Elapsed;
        await secml;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task RunSecmlAsync()
    {
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();
        var request = new RunRequest
        {
            Path = RepositoryPaths.Notebooks,
            OutputDirectory = SecmlFolder,
            CellTimeout = TimeSpan.FromMinutes(2),
        };
        var exitCode = await NotebookRunner.RunAsync(request, log);
        Secml = (exitCode, log.ToString(), clock.Elapsed);
    }

    private async Task RunKernelsAsync()
    {
        using var gate = new SemaphoreSlim(Parallelism);
        var notebooks = NotebookPaths.Select(NotebookDocument.Load).ToList();
        var runs = new Dictionary<string, Task>();
        foreach (var notebook in notebooks)
        {
            var code = string.Join("\n", notebook.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.Source));
            var before = runs.Where(run => code.Contains(run.Key, StringComparison.Ordinal))
                .Select(run => run.Value)
                .ToList();
            runs[notebook.Name] = RunKernelAsync(notebook, before, gate);
        }
        await Task.WhenAll(runs.Values);
    }

    private async Task RunKernelAsync(NotebookDocument notebook, IReadOnlyList<Task> before, SemaphoreSlim gate)
    {
        await Task.WhenAll(before);
        var copy = KernelInput(notebook.Name);
        InjectOutputDirectory(notebook, Path.GetFullPath(Path.Combine(KernelFolder, notebook.Name)));
        IpynbWriter.Write(notebook, copy, includeOutputs: false);
        await gate.WaitAsync();
        try
        {
            var run = await DotnetRepl.RunNotebookAsync(
                copy,
                KernelNotebook(notebook.Name),
                RepositoryPaths.Notebooks,
                NotebookTimeout
            );
            lock (_kernelRuns)
                _kernelRuns[notebook.Name] = run;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Inserts after the parameters cell the cell <c>secml run</c> injects in a folder run.</summary>
    private static void InjectOutputDirectory(NotebookDocument notebook, string outputDirectory)
    {
        var parameters = notebook.Cells.FindIndex(c => c.Tags.Contains("parameters"));
        if (parameters < 0)
            return;
        var declares = NotebookParameters
            .DeclaredIn(notebook.Cells[parameters].Source)
            .ContainsKey(NotebookRunner.OutputDirectoryParameter);
        var statement = declares
            ? ParameterInjector.Assignment(
                new NotebookParameter(NotebookRunner.OutputDirectoryParameter, outputDirectory),
                typeof(string)
            )
            : $"// --param {NotebookRunner.OutputDirectoryParameter}: not declared in this notebook's parameters "
                + $"cell; ignored";
        var injected = new NotebookCell(CellKind.Code, "// Parameters injected by secml run --param\n" + statement)
        {
            Metadata = NotebookMetadata.CodeCell(NotebookLanguages.CSharp),
        };
        injected.AddTag(ParameterInjector.InjectedTag);
        notebook.Cells.Insert(parameters + 1, injected);
    }
}
