using System.Globalization;
using SecurityML.Charts;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Receives training progress synchronously (on the training thread, in order), keeps every report and optionally
/// prints it: what a notebook passes to <c>Fit</c> to show ALS iterations as they happen and chart the loss after.
/// (Unlike <see cref="Progress{T}"/>, which posts reports to the thread pool where they may arrive out of order.)
/// </summary>
/// <param name="onReport">Called with each report as it arrives; null for none.</param>
public sealed class TrainingProgressLog(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    private readonly List<TrainingProgress> _reports = [];

    /// <summary>The reports so far, in order.</summary>
    public IReadOnlyList<TrainingProgress> Reports => _reports;

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _reports.Add(value);
        onReport?.Invoke(value);
    }

    /// <summary>A log that prints one line per report, e.g. <c>ALS iteration 3/25: loss 812.41</c>, via
    /// <paramref name="writeLine"/> (the notebook's <c>Console.WriteLine</c>).</summary>
    public static TrainingProgressLog Printing(Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(writeLine);
        return new TrainingProgressLog(report => writeLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Stage} {report.Step}/{report.TotalSteps}{(report.Loss is { } loss ? $": loss {loss:F2}" : "")}")));
    }

    /// <summary>The loss after each step as a line chart (steps without a loss are left out).</summary>
    public Figure LossChart(string title = "Training loss per iteration")
    {
        var withLoss = _reports.Where(report => report.Loss is not null).ToList();
        var figure = new Figure();
        figure.Data.Add(new Scatter
        {
            X = withLoss.Select(report => report.Step).ToArray(),
            Y = withLoss.Select(report => report.Loss!.Value).ToArray(),
            Mode = ScatterMode.LinesAndMarkers,
            Name = "loss",
        });
        figure.Layout.Title = title;
        figure.Layout.XAxis = new Axis { Title = "step" };
        figure.Layout.YAxis = new Axis { Title = "loss (lower = better fit)" };
        return figure;
    }
}
