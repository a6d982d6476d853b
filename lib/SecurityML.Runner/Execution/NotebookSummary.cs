using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Runner.Execution;

/// <summary>
/// One line of a folder run's index: the notebook, how its run ended, how long it took and with which parameters. A
/// child process hands it to <c>secml</c> in its result file (JSON), so the index is the same with or without
/// <c>--in-process</c>.
/// </summary>
/// <param name="Name">The notebook's file name without extension; its report is <c>Name.html</c>, its executed notebook
/// <c>Name.ipynb</c>.</param>
/// <param name="ExitCode"><see cref="NotebookRunResult.Success"/>, <see cref="NotebookRunResult.InvalidInput"/> or
/// <see cref="NotebookRunResult.CellFailed"/>.</param>
/// <param name="Duration">Wall time of the run; zero when it did not run.</param>
/// <param name="Parameters">The parameters cell's variables as the notebook ran with them; empty when it has none or
/// did not get that far.</param>
/// <param name="Problems">The failures (or why it could not run), as in the report's header.</param>
public sealed record NotebookSummary(
    string Name,
    int ExitCode,
    TimeSpan Duration,
    IReadOnlyList<ParameterValue> Parameters,
    IReadOnlyList<string> Problems
)
{
    /// <summary>"ok", "failed" (a cell failed or the process ended early) or "not run" (invalid notebook or
    /// parameters).</summary>
    public string Status =>
        ExitCode switch
        {
            NotebookRunResult.Success => "ok",
            NotebookRunResult.CellFailed => "failed",
            _ => "not run",
        };

    /// <summary>The summary of an executed notebook.</summary>
    public static NotebookSummary From(NotebookRunResult result) =>
        new(
            result.Notebook.Name,
            result.ExitCode,
            result.Duration,
            result.Parameters,
            result.InvalidInputMessage is { } invalid ? [invalid] : result.Failures.Select(f => f.Message).ToList()
        );

    /// <summary>The summary of a notebook that did not run to the end, named by its path.</summary>
    public static NotebookSummary NotRun(string notebookPath, int exitCode, string problem) =>
        new(Path.GetFileNameWithoutExtension(notebookPath), exitCode, TimeSpan.Zero, [], [problem]);

    /// <summary>As JSON (the child process's result file).</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["name"] = Name,
            ["exitCode"] = ExitCode,
            ["durationSeconds"] = Duration.TotalSeconds,
            ["parameters"] = new JsonArray([
                .. Parameters.Select(p =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["name"] = p.Name,
                            ["type"] = p.Type,
                            ["value"] = p.Value,
                        }
                ),
            ]),
            ["problems"] = new JsonArray([.. Problems.Select(p => (JsonNode?)JsonValue.Create(p))]),
        };

    /// <summary>Reads <see cref="ToJson"/>'s form.</summary>
    /// <exception cref="FormatException">A field is missing or has another type.</exception>
    public static NotebookSummary FromJson(JsonNode json)
    {
        try
        {
            return new NotebookSummary(
                json["name"]!.GetValue<string>(),
                json["exitCode"]!.GetValue<int>(),
                TimeSpan.FromTicks(
                    (long)Math.Round(json["durationSeconds"]!.GetValue<double>() * TimeSpan.TicksPerSecond)
                ), // exact for ticks below 2^53
                json["parameters"]!
                    .AsArray()
                    .Select(p => new ParameterValue(
                        p!["name"]!.GetValue<string>(),
                        p["type"]!.GetValue<string>(),
                        p["value"]!.GetValue<string>()
                    ))
                    .ToList(),
                json["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList()
            );
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException)
        {
            throw new FormatException($"Malformed notebook result: {e.Message}", e);
        }
    }

    /// <summary>The duration as the console and the reports show it: seconds with one decimal.</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
