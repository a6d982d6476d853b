using System.CommandLine;
using System.Globalization;
using System.Reflection;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Runner.Execution;
using SecurityML.Scoring;

namespace SecurityML.Runner.Commands;

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
    public string? Encoding { get; init; }
    public int MaximumLineLength { get; init; } = DataReadOptions.DefaultMaximumLineLength;
    public long MaximumBadLines { get; init; } = ScoreCommand.DefaultMaximumBadLines;
    public double? MaximumBadRate { get; init; }
    public bool AllowUnterminatedLastLine { get; init; }
    public string? Window { get; init; }

    /// <summary>The --window as a time span (1d, 24h, 90m, 30s); null when not given.</summary>
    public TimeSpan? ParseWindow()
    {
        if (Window is null)
            return null;
        var text = Window.Trim();
        if (
            text.Length >= 2
            && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0
        )
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 'd':
                    return TimeSpan.FromDays(count);
                case 'h':
                    return TimeSpan.FromHours(count);
                case 'm':
                    return TimeSpan.FromMinutes(count);
                case 's':
                    return TimeSpan.FromSeconds(count);
            }
        }
        throw new ArgumentException(
            $"--window: expected a positive whole number with d, h, m or s (e.g. 1d), received {Window}"
        );
    }

    /// <summary>The input contract of this run; the message names the option when one is wrong.</summary>
    public DataReadOptions ReadOptions()
    {
        System.Text.Encoding? encoding = null;
        try
        {
            if (Encoding is { } name)
                encoding = DataReadOptions.EncodingFromName(name);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--encoding: " + e.Message.Replace(" (Parameter 'name')", ""), e);
        }
        if (MaximumLineLength < 1)
            throw new ArgumentException($"--max-line-length: expected at least 1 byte, received {MaximumLineLength}");
        return new DataReadOptions
        {
            Encoding = encoding,
            MaximumLineLength = MaximumLineLength,
            AllowUnterminatedLastLine = AllowUnterminatedLastLine,
        };
    }

    public EventFormat FormatFor(string path) =>
        Format switch
        {
            "jsonl" => EventFormat.JsonLines,
            "csv" => EventFormat.Csv,
            _ => EventLineParser.FormatOf(path),
        };

    /// <summary>Checks the options; the message names the option, what was expected and what was received.</summary>
    public void Check()
    {
        if (!File.Exists(ModelPath))
            throw new ArgumentException($"--model: the file {ModelPath} does not exist");
        if (InputPath != "-" && !File.Exists(InputPath) && !Directory.Exists(InputPath))
        {
            throw new ArgumentException(
                $"--input: expected a file, a folder or -, received {InputPath}, which does not exist"
            );
        }
        if (Format is not ("auto" or "jsonl" or "csv"))
            throw new ArgumentException($"--format: expected auto, jsonl or csv, received {Format}");
        if (BatchSize < 1)
            throw new ArgumentException($"--batch-size: expected at least 1, received {BatchSize}");
        if (Threshold is { } value && double.IsNaN(value))
            throw new ArgumentException("--threshold: expected a number, received NaN");
        if (MaximumBadLines < 0)
            throw new ArgumentException($"--max-bad-lines: expected at least 0, received {MaximumBadLines}");
        if (MaximumBadRate is { } rate && !(rate is >= 0 and <= 1))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"--max-bad-rate: expected a fraction from 0 to 1, received {rate}"
                )
            );
        }
        if (Watch && !Directory.Exists(InputPath))
            throw new ArgumentException("--watch: expected --input to be a folder");
        if (PollInterval <= TimeSpan.Zero || IdleTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"--poll-interval must be > 0 and --idle-timeout ≥ 0 seconds; received "
                )
                    + string.Create(
                        CultureInfo.InvariantCulture,
                        $"{PollInterval.TotalSeconds} and {IdleTimeout.TotalSeconds}"
                    )
            );
        }
    }
}
