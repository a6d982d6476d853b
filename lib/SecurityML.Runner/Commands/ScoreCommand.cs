using System.CommandLine;
using System.Globalization;
using System.Reflection;
using SecurityML.Detection;
using SecurityML.Runner.Execution;
using SecurityML.Scoring;

namespace SecurityML.Runner.Commands;

/// <summary>
/// <c>secml score --model FILE --input PATH|- [--threshold T] [--output PATH] [--watch ...]</c>: scores JSON Lines or
/// CSV events from a file, a folder (optionally watched for new files) or stdin with any registered model, in batches,
/// and writes one JSON line per alert (score ≥ threshold). A bad line is reported on stderr with its line number and
/// reason and the rest is scored. Exit 0 when the input was read (whatever the bad lines), 1 on invalid input.
/// </summary>
public static class ScoreCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "A model file saved by a SecurityML detector.", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "Events: a .jsonl/.csv file, a folder of them, or - for stdin.", Required = true };
        var threshold = new Option<double?>("--threshold", "-t") { Description = "Alert when score >= T (default: the threshold saved in the model card)." };
        var output = new Option<string>("--output", "-o") { Description = "Alert file (JSON Lines), or - for stdout.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "auto (by extension; stdin is jsonl), jsonl or csv.", DefaultValueFactory = _ => "auto" };
        var batchSize = new Option<int>("--batch-size") { Description = "Events scored at once.", DefaultValueFactory = _ => EventStreamScorer.DefaultBatchSize };
        var watch = new Option<bool>("--watch") { Description = "With a folder: keep polling for new .jsonl/.json/.ndjson/.csv files (each read once, when first seen: move complete files in) until --idle-timeout passes without one." };
        var pollInterval = new Option<double>("--poll-interval") { Description = "Seconds between polls with --watch.", DefaultValueFactory = _ => 1 };
        var idleTimeout = new Option<double>("--idle-timeout") { Description = "With --watch, stop after this many seconds without a new file.", DefaultValueFactory = _ => 60 };
        var plugins = new Option<string[]>("--plugin") { Description = "An assembly with IModelLoader types for your own model kinds (repeatable)." };
        var command = new Command("score", "Score events with a saved model and write alerts above the threshold. Exit 0 ok, 1 invalid input.")
        {
            model, input, threshold, output, format, batchSize, watch, pollInterval, idleTimeout, plugins,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(new ScoreRequest
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
        }, Console.In, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs a scoring request; returns the exit code.</summary>
    internal static async Task<int> RunAsync(ScoreRequest request, TextReader standardInput, TextWriter standardOutput,
        TextWriter standardError, CancellationToken cancellationToken)
    {
        EventStreamScorer scorer;
        TextWriter alerts;
        try
        {
            request.Check();
            foreach (var plugin in request.Plugins) ModelRegistry.RegisterLoadersIn(Assembly.LoadFrom(Path.GetFullPath(plugin)));
            var model = ModelRegistry.Load(request.ModelPath);
            double threshold = request.Threshold ?? model.Card.Threshold
                ?? throw new ArgumentException($"{request.ModelPath} has no threshold in its card; pass --threshold or save one with ModelThreshold.Save");
            alerts = request.OutputPath == "-" ? standardOutput : new StreamWriter(request.OutputPath, append: false);
            scorer = new EventStreamScorer(model, threshold, alerts, standardError, request.BatchSize);
        }
        catch (Exception e) when (e is ArgumentException or IOException or ModelFileException or BadImageFormatException or UnauthorizedAccessException)
        {
            await standardError.WriteLineAsync("secml score: " + e.Message);
            return NotebookRunResult.InvalidInput;
        }
        try
        {
            if (request.InputPath == "-") scorer.Score(standardInput, "stdin", request.FormatFor("stdin"), cancellationToken);
            else if (Directory.Exists(request.InputPath)) await ScoreFolderAsync(request, scorer, cancellationToken);
            else ScoreFile(request, scorer, request.InputPath, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await standardError.WriteLineAsync("secml score: cancelled");
        }
        finally
        {
            if (!ReferenceEquals(alerts, standardOutput)) await alerts.DisposeAsync();
        }
        await standardError.WriteLineAsync("secml score: " + scorer);
        return NotebookRunResult.Success;
    }

    private static void ScoreFile(ScoreRequest request, EventStreamScorer scorer, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        scorer.Score(reader, path, request.FormatFor(path), cancellationToken);
    }

    /// <summary>Scores the folder's files in name order; with --watch, polls for new ones until the idle timeout.</summary>
    private static async Task ScoreFolderAsync(ScoreRequest request, EventStreamScorer scorer, CancellationToken cancellationToken)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var lastNewFile = DateTime.UtcNow;
        while (true)
        {
            var fresh = Directory.EnumerateFiles(request.InputPath)
                .Where(path => IsEventFile(path) && !done.Contains(path)).Order(StringComparer.Ordinal).ToList();
            foreach (var path in fresh)
            {
                ScoreFile(request, scorer, path, cancellationToken);
                done.Add(path);
                lastNewFile = DateTime.UtcNow;
            }
            if (!request.Watch || DateTime.UtcNow - lastNewFile >= request.IdleTimeout) return;
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
        return !name.StartsWith('.') && Path.GetExtension(name).ToLowerInvariant() is ".jsonl" or ".json" or ".ndjson" or ".csv";
    }
}

/// <summary>The options of one <c>secml score</c> run.</summary>
internal sealed record ScoreRequest
{
    public required string ModelPath { get; init; }
    public required string InputPath { get; init; }
    public double? Threshold { get; init; }
    public string OutputPath { get; init; } = "-";
    public string Format { get; init; } = "auto";
    public int BatchSize { get; init; } = EventStreamScorer.DefaultBatchSize;
    public bool Watch { get; init; }
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public IReadOnlyList<string> Plugins { get; init; } = [];

    public EventFormat FormatFor(string path) => Format switch
    {
        "jsonl" => EventFormat.JsonLines,
        "csv" => EventFormat.Csv,
        _ => path == "stdin" ? EventFormat.JsonLines : EventLineParser.FormatOf(path),
    };

    /// <summary>Checks the options; the message names the option, what was expected and what was received.</summary>
    public void Check()
    {
        if (!File.Exists(ModelPath)) throw new ArgumentException($"--model: the file {ModelPath} does not exist");
        if (InputPath != "-" && !File.Exists(InputPath) && !Directory.Exists(InputPath))
        {
            throw new ArgumentException($"--input: expected a file, a folder or -, received {InputPath}, which does not exist");
        }
        if (Format is not ("auto" or "jsonl" or "csv")) throw new ArgumentException($"--format: expected auto, jsonl or csv, received {Format}");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size: expected at least 1, received {BatchSize}");
        if (Threshold is { } value && double.IsNaN(value)) throw new ArgumentException("--threshold: expected a number, received NaN");
        if (Watch && !Directory.Exists(InputPath)) throw new ArgumentException("--watch: expected --input to be a folder");
        if (PollInterval <= TimeSpan.Zero || IdleTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--poll-interval must be > 0 and --idle-timeout ≥ 0 seconds; received {PollInterval.TotalSeconds} and {IdleTimeout.TotalSeconds}"));
        }
    }
}
