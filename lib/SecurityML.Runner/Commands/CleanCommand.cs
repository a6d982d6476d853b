using System.CommandLine;
using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Commands;

/// <summary><c>secml clean &lt;notebook|folder&gt;</c>: strips outputs and rewrites .ipynb files in canonical form, for
/// committing.</summary>
public static class CleanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var path = new Argument<string>("notebook") { Description = "A .ipynb notebook or a folder of them." };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; exit 1 if any notebook has outputs or is not in canonical form.",
        };
        var command = new Command("clean", "Remove outputs from .ipynb notebooks (commit notebooks clean).")
        {
            path,
            check,
        };
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

    /// <summary>
    /// Cleans (or with <paramref name="checkOnly"/>, checks) the notebooks: outputs and execution counts are removed,
    /// everything else is kept. Returns the exit code: 1 if a notebook is not readable (it is named, left unchanged and
    /// the others are still cleaned) or, with <paramref name="checkOnly"/>, not clean; else 0.
    /// </summary>
    public static int Clean(string path, bool checkOnly, TextWriter log)
    {
        var dirty = 0;
        var unreadable = 0;
        foreach (
            var file in NotebookRunner
                .FindNotebooks(path)
                .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        )
        {
            NotebookDocument notebook;
            try
            {
                notebook = NotebookDocument.Load(file);
            }
            catch (NotebookFormatException e)
            {
                // Left as it is; the other notebooks are still cleaned.
                unreadable++;
                log.WriteLine($"not cleaned: {e.Message}");
                continue;
            }
            var clean = IpynbWriter.Serialize(notebook, includeOutputs: false);
            if (clean == File.ReadAllText(file))
                continue;
            dirty++;
            if (checkOnly)
                log.WriteLine($"not clean: {file}");
            else
            {
                File.WriteAllText(file, clean);
                log.WriteLine($"cleaned: {file}");
            }
        }
        return unreadable > 0 || (checkOnly && dirty > 0) ? NotebookRunResult.InvalidInput : NotebookRunResult.Success;
    }
}
