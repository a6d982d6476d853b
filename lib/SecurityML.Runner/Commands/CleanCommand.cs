using System.CommandLine;
using SecurityML.Runner.Execution;
using SecurityML.Runner.Notebooks;

namespace SecurityML.Runner.Commands;

/// <summary><c>secml clean &lt;notebook|folder&gt;</c>: strips outputs and rewrites .ipynb files in canonical form, for committing.</summary>
public static class CleanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var path = new Argument<string>("notebook") { Description = "A .ipynb notebook or a folder of them." };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 if any notebook has outputs or is not in canonical form." };
        var command = new Command("clean", "Remove outputs from .ipynb notebooks (commit notebooks clean).") { path, check };
        command.SetAction(parseResult =>
        {
            try
            {
                return Clean(parseResult.GetValue(path)!, parseResult.GetValue(check), Console.Out);
            }
            catch (Exception e) when (e is FileNotFoundException or NotebookFormatException)
            {
                Console.Error.WriteLine("secml clean: " + e.Message);
                return NotebookRunResult.InvalidInput;
            }
        });
        return command;
    }

    /// <summary>Cleans (or with <paramref name="checkOnly"/>, checks) the notebooks; returns the exit code.</summary>
    public static int Clean(string path, bool checkOnly, TextWriter log)
    {
        var dirty = 0;
        foreach (var file in NotebookRunner.FindNotebooks(path).Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)))
        {
            var clean = IpynbWriter.Serialize(NotebookDocument.Load(file), includeOutputs: false);
            if (clean == File.ReadAllText(file)) continue;
            dirty++;
            if (checkOnly) log.WriteLine($"not clean: {file}");
            else
            {
                File.WriteAllText(file, clean);
                log.WriteLine($"cleaned: {file}");
            }
        }
        return checkOnly && dirty > 0 ? NotebookRunResult.InvalidInput : NotebookRunResult.Success;
    }
}
