using System.Globalization;
using SecurityML.Charts;

namespace SecurityML.Detection;

/// <summary>
/// A synchronous progress receiver for notebooks: pass it to <c>Fit</c> to print one line per iteration or epoch as
/// it happens (e.g. <c>ALS iteration 3/25, loss 812.4100</c>), keep every report, and chart the loss afterwards.
/// Reports arrive on the training thread, in order (<see cref="Progress{T}"/> posts them to the thread pool, where
/// they may arrive out of order or after the cell finished).
/// </summary>
/// <param name="writer">Where the lines go, e.g. <c>Console.Out</c>; nothing is printed when null.</param>
public sealed class TrainingLog(TextWriter? writer = null) : IProgress<TrainingProgress>
{
    private readonly List<TrainingProgress> _reports = [];

    /// <summary>The reports received, in order.</summary>
    public IReadOnlyList<TrainingProgress> Reports => _reports;

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _reports.Add(value);
        var loss = value.Loss is { } number ? string.Create(CultureInfo.InvariantCulture, $", loss {number:F4}") : "";
        writer?.WriteLine($"{value.Stage} {value.Step}/{value.TotalSteps}{loss}");
    }

    /// <summary>The loss after each step as a line chart (steps without a loss are left out): one line named "loss",
    /// or, when reports come in several stages (e.g. "epoch" and "validation"), one line per stage named
    /// "<i>stage</i> loss", in order of first appearance.</summary>
    public Figure LossChart(string title = "Training loss per iteration")
    {
        var stages = _reports.Where(report => report.Loss is not null).GroupBy(report => report.Stage).ToList();
        return Chart.LineChart(
            stages.Select(stage =>
                (
                    stages.Count == 1 ? "loss" : $"{stage.Key} loss",
                    (IReadOnlyList<double>)stage.Select(report => (double)report.Step).ToArray(),
                    (IReadOnlyList<double>)stage.Select(report => report.Loss!.Value).ToArray()
                )
            ),
            title,
            "step",
            "loss (lower = better fit)"
        );
    }
}
