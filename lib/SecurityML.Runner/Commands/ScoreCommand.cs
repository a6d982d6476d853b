using System.CommandLine;
using System.Globalization;
using System.Reflection;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Runner.Execution;
using SecurityML.Scoring;

namespace SecurityML.Runner.Commands;

/// <summary>
/// <c>secml score --model FILE --input PATH|- [--threshold T] [--output PATH] [--watch ...]</c>: scores JSON Lines or
/// CSV events from a file, a folder (optionally watched for new files) or stdin with any registered model, in batches,
/// turning them into the model kind's scoring units (docs/scoring.md), and writes one JSON line per alert (a unit with
/// score ≥ threshold, with its explanation and input lines). A bad line is reported on stderr as
/// <c>source, line N[, column C]: reason</c> and skipped; nothing in the input stops the run (also with --watch).
/// Exit codes: <see cref="Success"/> (0) events were scored and bad lines stayed within --max-bad-lines and
/// --max-bad-rate; <see cref="InvalidInvocation"/> (1) an option, the model file or the input path is wrong;
/// <see cref="BadData"/> (2) nothing was scored, or more bad lines than allowed. A failure to create or write the
/// --output file is reported as <c>secml score: --output PATH: cannot …</c> with exit code 1.
/// </summary>
public static class ScoreCommand
{
    /// <summary>Exit code 0: events were scored; bad lines (if any) within the limits.</summary>
    public const int Success = 0;

    /// <summary>Exit code 1: an option, the model file or the input path is wrong (nothing was read), or the --output
    /// file cannot be created or written (the message names it; alerts after the failure are lost).</summary>
    public const int InvalidInvocation = 1;

    /// <summary>Exit code 2: the input was read but nothing was scored, or bad lines exceeded --max-bad-lines or
    /// --max-bad-rate (every other event was still scored and its alerts written).</summary>
    public const int BadData = 2;

    /// <summary>Default of --max-bad-lines: 0, so that a skipped line shows in the exit code unless allowed.</summary>
    public const long DefaultMaximumBadLines = 0;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "A model file saved by a SecurityML detector.",
            Required = true,
        };
        var input = new Option<string>("--input", "-i")
        {
            Description = "Events: a .jsonl/.csv file, a folder of them, or - for stdin.",
            Required = true,
        };
        var threshold = new Option<double?>("--threshold", "-t")
        {
            Description = "Alert when score >= T (default: the threshold saved in the model card).",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Alert file (JSON Lines), or - for stdout.",
            DefaultValueFactory = _ => "-",
        };
        var format = new Option<string>("--format")
        {
            Description =
                "auto (files by extension: .csv is CSV, others JSON Lines; stdin: JSON Lines when its first "
                + "non-blank character is '{', else CSV), jsonl or csv.",
            DefaultValueFactory = _ => "auto",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events scored at once.",
            DefaultValueFactory = _ => EventStreamScorer.DefaultBatchSize,
        };
        var watch = new Option<bool>("--watch")
        {
            Description =
                "With a folder: keep polling for new .jsonl/.json/.ndjson/.csv files (each read once, when first "
                + "seen: move complete files in) until --idle-timeout passes without one.",
        };
        var pollInterval = new Option<double>("--poll-interval")
        {
            Description = "Seconds between polls with --watch.",
            DefaultValueFactory = _ => 1,
        };
        var idleTimeout = new Option<double>("--idle-timeout")
        {
            Description = "With --watch, stop after this many seconds without a new file.",
            DefaultValueFactory = _ => 60,
        };
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "An assembly with IModelLoader types for your own model kinds (repeatable).",
        };
        var encoding = new Option<string>("--encoding")
        {
            Description =
                "The input's encoding when not UTF-8, e.g. windows-1252 (Excel, PowerShell 5). Default: UTF-8 "
                + "with or without BOM; invalid bytes are bad lines.",
        };
        var maximumLineLength = new Option<int>("--max-line-length")
        {
            Description = "Longest line in bytes; a longer one is a bad line, skipped without being held in memory.",
            DefaultValueFactory = _ => DataReadOptions.DefaultMaximumLineLength,
        };
        var maximumBadLines = new Option<long>("--max-bad-lines")
        {
            Description = "Exit 2 when more lines than this are bad (all good ones are still scored).",
            DefaultValueFactory = _ => DefaultMaximumBadLines,
        };
        var allowUnterminated = new Option<bool>("--allow-unterminated-last-line")
        {
            Description =
                "Read a CSV last line without a line break (default: it is a bad line, as the file may be cut short).",
        };
        var window = new Option<string>("--window")
        {
            Description =
                "The aggregation window of models that score entity windows (the logon isolation forest: 1d, its "
                + "default and only window). Forms: 1d, 24h, 90m, 30s.",
        };
        var maximumBadRate = new Option<double?>("--max-bad-rate")
        {
            Description = "Exit 2 when more than this fraction (0-1) of the event lines is bad.",
        };
        var command = new Command(
            "score",
            "Score events with a saved model and write alerts above the threshold. Exit 0 ok, 1 invalid "
                + "invocation, 2 nothing scored or too many bad lines."
        )
        {
            model,
            input,
            threshold,
            output,
            format,
            batchSize,
            watch,
            pollInterval,
            idleTimeout,
            plugins,
            encoding,
            maximumLineLength,
            maximumBadLines,
            maximumBadRate,
            allowUnterminated,
            window,
        };
        command.SetAction(
            (parseResult, cancellationToken) =>
                RunAsync(
                    new ScoreRequest
                    {
                        ModelPath = parseResult.GetValue(model)!,
                        InputPath = parseResult.GetValue(input)!,
                        Threshold = parseResult.GetValue(threshold),
                        OutputPath = parseResult.GetValue(output)!,
                        Format = parseResult.GetValue(format)!,
                        BatchSize = parseResult.GetValue(batchSize),
                        Watch = parseResult.GetValue(watch),
                        PollInterval = TimeSpan.FromSeconds(parseResult.GetValue(pollInterval)),
                        IdleTimeout = TimeSpan.FromSeconds(parseResult.GetValue(idleTimeout)),
                        Plugins = parseResult.GetValue(plugins) ?? [],
                        Encoding = parseResult.GetValue(encoding),
                        MaximumLineLength = parseResult.GetValue(maximumLineLength),
                        MaximumBadLines = parseResult.GetValue(maximumBadLines),
                        MaximumBadRate = parseResult.GetValue(maximumBadRate),
                        AllowUnterminatedLastLine = parseResult.GetValue(allowUnterminated),
                        Window = parseResult.GetValue(window),
                    },
                    Console.OpenStandardInput(),
                    Console.Out,
                    Console.Error,
                    cancellationToken
                )
        );
        return command;
    }

    /// <summary>Runs a scoring request; returns the exit code.</summary>
    internal static async Task<int> RunAsync(
        ScoreRequest request,
        Stream standardInput,
        TextWriter standardOutput,
        TextWriter standardError,
        CancellationToken cancellationToken
    )
    {
        EventStreamScorer scorer;
        TextWriter alerts;
        DataReadOptions readOptions;
        try
        {
            request.Check();
            readOptions = request.ReadOptions();
            foreach (var plugin in request.Plugins)
                ModelRegistry.RegisterLoadersIn(Assembly.LoadFrom(Path.GetFullPath(plugin)));
            var model = ModelRegistry.Load(
                request.ModelPath,
                new EventScoringOptions { Window = request.ParseWindow() }
            );
            double threshold =
                request.Threshold
                ?? model.Card.Threshold
                ?? throw new ArgumentException(
                    $"{request.ModelPath}: the {model.Card.Kind} model has no threshold in its card, so nothing "
                        + $"can alert; "
                        + "choose one on labelled data with notebook 09 (--param modelPath=...), which saves it "
                        + "into the model file, or pass --threshold T"
                );
            alerts = request.OutputPath == "-" ? standardOutput : AlertWriter.Open(request.OutputPath);
            scorer = new EventStreamScorer(model, threshold, alerts, standardError, request.BatchSize);
        }
        catch (Exception e)
            when (e
                    is ArgumentException
                        or IOException
                        or ModelFileException
                        or BadImageFormatException
                        or UnauthorizedAccessException
            )
        {
            await standardError.WriteLineAsync("secml score: " + e.Message);
            return InvalidInvocation;
        }
        try
        {
            if (request.InputPath == "-")
                ScoreStandardInput(request, scorer, standardInput, readOptions, cancellationToken);
            else if (Directory.Exists(request.InputPath))
                await ScoreFolderAsync(request, scorer, readOptions, standardError, cancellationToken);
            else
                ScoreFile(request, scorer, request.InputPath, readOptions, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await standardError.WriteLineAsync("secml score: cancelled");
        }
        catch (AlertWriter.WriteFailedException)
        {
            // AlertWriter records the failure before it throws; it is reported from Failure below.
        }
        finally
        {
            if (!ReferenceEquals(alerts, standardOutput))
                await CloseQuietly(alerts);
        }
        if (!ReferenceEquals(alerts, standardOutput) && ((AlertWriter)alerts).Failure is { } failure)
        {
            await standardError.WriteLineAsync(
                $"secml score: {failure.Message}; {scorer.Alerts} alert(s) were written before (some may be lost)"
            );
            return InvalidInvocation;
        }
        var verdict = Verdict(request, scorer);
        await standardError.WriteLineAsync("secml score: " + scorer + (verdict is null ? "" : "; exit 2: " + verdict));
        return verdict is null ? Success : BadData;
    }

    /// <summary>Closes the alert file; a failure is kept in <see cref="AlertWriter.Failure"/> and reported by the
    /// caller.</summary>
    private static async Task CloseQuietly(TextWriter alerts)
    {
        try
        {
            await alerts.DisposeAsync();
        }
        catch (AlertWriter.WriteFailedException)
        {
            // Recorded in Failure.
        }
    }

    /// <summary>Why the run exits with <see cref="BadData"/>, or null when it succeeded.</summary>
    private static string? Verdict(ScoreRequest request, EventStreamScorer scorer)
    {
        if (scorer.EventsScored == 0)
            return "no event was scored";
        if (scorer.BadLines > request.MaximumBadLines)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{scorer.BadLines} bad line(s), more than --max-bad-lines {request.MaximumBadLines}"
            );
        }
        double rate = (double)scorer.BadLines / (scorer.BadLines + scorer.EventsScored);
        return request.MaximumBadRate is { } maximumRate && rate > maximumRate
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{rate * 100:0.##}% of the event lines bad, more than --max-bad-rate {maximumRate}"
            )
            : null;
    }

    private static void ScoreStandardInput(
        ScoreRequest request,
        EventStreamScorer scorer,
        Stream standardInput,
        DataReadOptions readOptions,
        CancellationToken cancellationToken
    )
    {
        var (format, input) =
            request.Format == "auto"
                ? StandardInputFormat.Detect(standardInput)
                : (request.FormatFor("stdin"), standardInput);
        scorer.Score(input, "stdin", format, readOptions, cancellationToken);
    }

    private static void ScoreFile(
        ScoreRequest request,
        EventStreamScorer scorer,
        string path,
        DataReadOptions readOptions,
        CancellationToken cancellationToken
    )
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            scorer.ReportUnreadable(path, "cannot be read: " + e.Message);
            return;
        }
        using (stream)
            scorer.Score(stream, path, request.FormatFor(path), readOptions, cancellationToken);
    }

    /// <summary>Scores the folder's files in name order, with one summary line per file on standard error; with
    /// --watch, polls for new ones until the idle timeout.</summary>
    private static async Task ScoreFolderAsync(
        ScoreRequest request,
        EventStreamScorer scorer,
        DataReadOptions readOptions,
        TextWriter standardError,
        CancellationToken cancellationToken
    )
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var lastNewFile = DateTime.UtcNow;
        while (true)
        {
            var fresh = Directory
                .EnumerateFiles(request.InputPath)
                .Where(path => IsEventFile(path) && !done.Contains(path))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var path in fresh)
            {
                var (events, alerts, badLines) = (scorer.EventsScored, scorer.Alerts, scorer.BadLines);
                ScoreFile(request, scorer, path, readOptions, cancellationToken);
                await standardError.WriteLineAsync(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"secml score: {path}: {scorer.EventsScored - events} event(s) scored, "
                            + $"{scorer.Alerts - alerts} alert(s), {scorer.BadLines - badLines} bad line(s)"
                    )
                );
                done.Add(path);
                lastNewFile = DateTime.UtcNow;
            }
            if (!request.Watch || DateTime.UtcNow - lastNewFile >= request.IdleTimeout)
                return;
            try
            {
                await Task.Delay(request.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Event files: .jsonl, .json, .ndjson and .csv; temporary and hidden files are left for later.</summary>
    private static bool IsEventFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.')
            && Path.GetExtension(name).ToLowerInvariant() is ".jsonl" or ".json" or ".ndjson" or ".csv";
    }
}
