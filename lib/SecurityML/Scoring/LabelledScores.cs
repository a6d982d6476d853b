namespace SecurityML.Scoring;

/// <summary>The labelled units of a run and what else happened to the input.</summary>
/// <param name="Units">Every scored unit, in input order.</param>
/// <param name="Summary">What was read: events, units, bad lines, lines left out.</param>
public sealed record LabelledScores(IReadOnlyList<LabelledUnit> Units, string Summary)
{
    /// <summary>The earliest unit start; null when no unit has a time.</summary>
    public DateTimeOffset? Start => Units.Min(unit => unit.Start);

    /// <summary>The latest unit end (or start); null when no unit has a time.</summary>
    public DateTimeOffset? End => Units.Max(unit => unit.End ?? unit.Start);

    /// <summary>Days from <see cref="Start"/> to <see cref="End"/> (for alert budgets per day); NaN without
    /// times.</summary>
    public double Days => Start is { } start && End is { } end ? (end - start).TotalDays : double.NaN;

    /// <summary>The scores, in order (for <c>ThresholdTuning.FromLabels</c>).</summary>
    public IReadOnlyList<double> Scores => Units.Select(unit => unit.Score).ToList();

    /// <summary>The labels, in order.</summary>
    public IReadOnlyList<bool> Planted => Units.Select(unit => unit.Planted).ToList();
}
