using System.Globalization;

namespace SecurityML.Detection.Baseline;

/// <summary>
/// A synchronous progress receiver for notebooks: writes one line per report (e.g. "epoch 3/10, loss 0.4213") as it
/// happens, on the training thread, and keeps the reports. (<see cref="Progress{T}"/> posts to the thread pool, so its
/// lines can arrive after the cell finished.)
/// </summary>
/// <param name="writer">Where the lines go, e.g. <c>Console.Out</c>; none when null.</param>
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
}
