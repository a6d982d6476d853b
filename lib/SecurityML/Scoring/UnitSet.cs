namespace SecurityML.Scoring;

/// <summary>The units built from a set of records, and the lines left out or bad on the way.</summary>
/// <typeparam name="TInput">The model's input.</typeparam>
/// <param name="Units">The units to score.</param>
/// <param name="Others">Lines that became no unit: problems and left-out lines.</param>
public sealed record UnitSet<TInput>(IReadOnlyList<ScoringUnit<TInput>> Units, IReadOnlyList<UnitResult> Others)
{
    /// <summary>Units only.</summary>
    public UnitSet(IReadOnlyList<ScoringUnit<TInput>> units)
        : this(units, []) { }
}
