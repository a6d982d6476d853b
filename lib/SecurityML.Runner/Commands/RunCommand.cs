using System.CommandLine;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.Commands;

/// <summary><c>secml run &lt;notebook|folder&gt; [--param name=value]... [--output DIR] [--offline]</c>.</summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var path = new Argument<string>("notebook")
        {
            Description = "A .ipynb or .dib notebook, or a folder of them (run in name order).",
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "name=value for the notebook's parameters cell (repeatable); typed from the default's type.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for the executed notebooks and HTML reports.",
            DefaultValueFactory = _ => "out",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Inline plotly.js into reports instead of loading it from the CDN.",
        };
        var plotlyJs = new Option<string?>("--plotly-js")
        {
            Description = "Path of plotly.min.js to inline with --offline (default: node_modules/plotly.js-dist-min).",
        };
        var cellTimeout = new Option<double?>("--cell-timeout")
        {
            Description =
                "Seconds a cell may run before it fails and the rest of the notebook is skipped (default: no limit).",
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description =
                "Run the notebooks in this process instead of one child process each (faster start; a notebook "
                + "that calls Environment.Exit or whose timed-out cell keeps running affects the rest of the "
                + "run).",
        };
        // Used by secml itself when it runs a notebook in a child process.
        var resultFile = new Option<string?>(NotebookProcess.ResultFileOption) { Hidden = true };
        var folderRun = new Option<bool>(NotebookProcess.FolderRunOption) { Hidden = true };
        var waitForStart = new Option<bool>(NotebookProcess.WaitForStartOption) { Hidden = true };
        var command = new Command(
            "run",
            "Execute notebooks headless; write executed .ipynb and HTML reports. Exit 0 ok, 2 a cell failed, 1 "
                + "invalid input."
        )
        {
            path,
            parameters,
            output,
            offline,
            plotlyJs,
            cellTimeout,
            inProcess,
            resultFile,
            folderRun,
            waitForStart,
        };
        command.SetAction(
            async (parseResult, cancellationToken) =>
            {
                try
                {
                    var request = new RunRequest
                    {
                        Path = parseResult.GetValue(path)!,
                        OutputDirectory = parseResult.GetValue(output)!,
                        Parameters = (parseResult.GetValue(parameters) ?? [])
                            .Select(text => NotebookParameter.Parse(text))
                            .ToList(),
                        Offline = parseResult.GetValue(offline),
                        PlotlyJsPath = parseResult.GetValue(plotlyJs),
                        CellTimeout = parseResult.GetValue(cellTimeout) is { } seconds
                            ? seconds > 0
                                ? TimeSpan.FromSeconds(seconds)
                                : throw new ArgumentException(
                                    $"--cell-timeout must be above 0 seconds, received {seconds}."
                                )
                            : null,
                        Isolated = !parseResult.GetValue(inProcess),
                        ResultFile = parseResult.GetValue(resultFile),
                        FolderRun = parseResult.GetValue(folderRun),
                    };
                    if (parseResult.GetValue(waitForStart) && !NotebookProcess.WarmUpAndWait())
                        return NotebookRunResult.Success;
                    var exitCode = await NotebookRunner.RunAsync(request, Console.Out, cancellationToken);
                    if (request.ResultFile is not null)
                    {
                        // A child process ends here even if a timed-out cell left a foreground thread running.
                        await Console.Out.FlushAsync(cancellationToken);
                        Environment.Exit(exitCode);
                    }
                    return exitCode;
                }
                catch (Exception e) when (e is ArgumentException or FileNotFoundException)
                {
                    await Console.Error.WriteLineAsync("secml run: " + e.Message.Replace(" (Parameter 'text')", ""));
                    return NotebookRunResult.InvalidInput;
                }
            }
        );
        return command;
    }
}
