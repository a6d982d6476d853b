namespace SecurityML.Data.Engines;

/// <summary>One group of a <see cref="SqlGroupCount"/>.</summary>
/// <param name="Keys">The key values as spelled, in the order of <see cref="SqlGroupCount.Keys"/>.</param>
/// <param name="Day">The UTC day, when grouped by day; otherwise null.</param>
/// <param name="Count">Rows in the group; at least 1.</param>
/// <param name="First">The earliest time (UTC, to the 100 ns tick for CSV).</param>
/// <param name="Last">The latest time (UTC).</param>
internal sealed record SqlGroup(
    IReadOnlyList<string> Keys,
    DateOnly? Day,
    long Count,
    DateTimeOffset First,
    DateTimeOffset Last
);
