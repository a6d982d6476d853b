using System.CommandLine;
using System.Globalization;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Runner.Commands;

/// <summary>
/// <c>secml import --input forest.json --output forest.model</c>: turns a model trained elsewhere into a SecurityML
/// model file that <c>secml score</c> and the library load. Today's format: a scikit-learn <c>IsolationForest</c>
/// exported by <c>tools/sklearn/export_isolation_forest.py</c> (docs/importing-models.md); it scores as scikit-learn
/// did. Exit codes: <see cref="Success"/> (0) the model file was written; <see cref="InvalidInput"/> (1) the input is
/// missing or not a valid export (the message names the file and the JSON path), or the output cannot be written.
/// </summary>
public static class ImportCommand
{
    /// <summary>Exit code 0: the model file was written.</summary>
    public const int Success = 0;

    /// <summary>Exit code 1: a bad input file or option, or the output cannot be written; nothing was
    /// written.</summary>
    public const int InvalidInput = 1;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The export: JSON written by tools/sklearn/export_isolation_forest.py.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The model file to write (replaced if it exists).",
            Required = true,
        };
        var command = new Command(
            "import",
            "Import a model trained elsewhere (a scikit-learn IsolationForest exported to JSON) as a SecurityML "
                + "model file. Exit 0 ok, 1 bad input."
        )
        {
            input,
            output,
        };
        command.SetAction(parseResult =>
            Run(parseResult.GetValue(input)!, parseResult.GetValue(output)!, Console.Out, Console.Error)
        );
        return command;
    }

    /// <summary>Imports <paramref name="inputPath"/> into <paramref name="outputPath"/> (written atomically); prints
    /// what the model scores. Returns the exit code.</summary>
    internal static int Run(string inputPath, string outputPath, TextWriter standardOutput, TextWriter standardError)
    {
        if (!File.Exists(inputPath))
        {
            standardError.WriteLine($"secml import: --input: the file {inputPath} does not exist");
            return InvalidInput;
        }
        IsolationForestModel model;
        try
        {
            model = ScikitLearnImport.ReadIsolationForest(inputPath);
        }
        catch (ModelFileException e)
        {
            standardError.WriteLine("secml import: " + e.Message);
            return InvalidInput;
        }
        try
        {
            model.Save(outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var temporary = outputPath + ".tmp"; // ModelFile.Save's temporary file, left when the write failed
            if (File.Exists(temporary))
                File.Delete(temporary);
            standardError.WriteLine($"secml import: --output {outputPath}: cannot write: {e.Message}");
            return InvalidInput;
        }
        standardOutput.WriteLine(Summary(model, outputPath));
        return Success;
    }

    private static string Summary(IsolationForestModel model, string outputPath) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{outputPath}: {model.Card.Kind} from {model.Card.TrainingSummary["producer"]}, {model.Trees.Count} "
                + $"trees; scores rows of "
                + $"{model.NumberOfFeatures} features ({string.Join(", ", model.FeatureNames)}); alert threshold "
                + $"{model.Card.Threshold:R} "
                + $"({model.Card.ThresholdMethod})"
        );
}
