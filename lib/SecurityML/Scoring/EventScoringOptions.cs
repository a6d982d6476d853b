namespace SecurityML.Scoring;

/// <summary>Settings of a scoring run that change how events become units.</summary>
public sealed record EventScoringOptions
{
    /// <summary>The default: every kind's own units and windows.</summary>
    public static EventScoringOptions Default { get; } = new();

    /// <summary>The aggregation window of kinds that aggregate per entity and window (<c>secml score --window</c>);
    /// null for the model's own window. A model accepts only the window its features were built on.</summary>
    public TimeSpan? Window { get; init; }
}
