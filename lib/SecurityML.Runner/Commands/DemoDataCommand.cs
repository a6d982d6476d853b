using System.CommandLine;
using System.Globalization;
using SecurityML.Data;

namespace SecurityML.Runner.Commands;

/// <summary>
/// <c>secml demo-data [--scale N] [--seed S] [--security-lake] --output DIR</c>: writes the demo data sets, their
/// labels and the user directory (see <see cref="DemoDataGenerator"/>). The defaults reproduce <c>sample-data/</c> byte
/// for byte; <c>--security-lake</c> writes OCSF Network Activity as Amazon Security Lake Parquet instead of JSON
/// Lines.
/// </summary>
public static class DemoDataCommand
{
    /// <summary>Creates the <c>demo-data</c> command.</summary>
    public static Command Create()
    {
        var scale = new Option<int>("--scale")
        {
            Description =
                $"Multiplies people and hosts, 1 to {DemoDataOptions.MaximumScale} (rows grow about linearly).",
            DefaultValueFactory = _ => DemoDataOptions.DefaultScale,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every random choice; the same seed gives byte-identical files.",
            DefaultValueFactory = _ => DemoDataOptions.DefaultSeed,
        };
        var securityLake = new Option<bool>("--security-lake")
        {
            Description =
                "Write OCSF Network Activity as Amazon Security Lake Parquet (NetworkActivity/region=…/accountId=…/"
                + "eventDay=…/*.parquet) instead of NetworkActivity.ocsf.jsonl.",
        };
        var output = new Option<DirectoryInfo>("--output")
        {
            Description = "Folder to write the files to (created if missing; files are overwritten).",
            Required = true,
        };
        var command = new Command("demo-data", "Write deterministic demo security data with labelled anomalies.");
        command.Options.Add(scale);
        command.Options.Add(seed);
        command.Options.Add(securityLake);
        command.Options.Add(output);
        command.SetAction(parseResult =>
            Run(
                parseResult.GetValue(scale),
                parseResult.GetValue(seed),
                parseResult.GetValue(output)!,
                Console.Out,
                Console.Error,
                parseResult.GetValue(securityLake)
            )
        );
        return command;
    }

    /// <summary>Generates the data and prints one line per file (a Security Lake folder counts as one); returns the
    /// process exit code (0 ok, 1 bad option, as every secml command).</summary>
    internal static int Run(
        int scale,
        long seed,
        DirectoryInfo output,
        TextWriter standardOutput,
        TextWriter standardError,
        bool securityLake = false
    )
    {
        var options = new DemoDataOptions
        {
            Scale = scale,
            Seed = seed,
            SecurityLake = securityLake,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException)
        {
            standardError.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"secml demo-data: --scale: expected a whole number from 1 to {DemoDataOptions.MaximumScale}, "
                ) + string.Create(CultureInfo.InvariantCulture, $"received {scale}")
            );
            return 1;
        }
        if (securityLake && !SecurityML.Data.Engines.DuckDbEngine.IsAvailable)
        {
            // Checked before any file is written, so a failed run leaves no half-written folder.
            standardError.WriteLine(
                "secml demo-data: --security-lake writes Parquet through DuckDB, "
                    + SecurityML.Data.Engines.DuckDbEngine.CouldNotLoad(
                        SecurityML.Data.Engines.DuckDbEngine.UnavailableReason
                    )
            );
            return 1;
        }
        var files = DemoDataGenerator.Generate(output.FullName, options);
        foreach (var file in files)
        {
            standardOutput.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{file.FileName, -34} {file.RowCount, 10:N0} rows {file.Bytes, 12:N0} bytes"
                )
            );
        }
        standardOutput.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {files.Count} files to {output.FullName} (scale {scale}, seed {seed})."
            )
        );
        return 0;
    }
}
