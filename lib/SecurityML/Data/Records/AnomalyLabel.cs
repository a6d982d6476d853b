namespace SecurityML.Data;

/// <summary>
/// Ground truth for one anomaly planted in a demo data set: which entity, when, and what kind.
/// </summary>
public sealed record AnomalyLabel : ICheckedRecord
{
    /// <summary>The data set the anomaly is in, e.g. <c>Logons</c> (see <see cref="DataSets"/>).</summary>
    public string DataSet { get; init; } = "";

    /// <summary>The entity to flag: an account, a user principal name, a host, or <c>network</c> for the
    /// series.</summary>
    public string Entity { get; init; } = "";

    /// <summary>Inclusive start of the anomalous window (UTC).</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>Exclusive end of the anomalous window (UTC).</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>A short kind such as <c>FailedLogonBurst</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>What was planted, in a sentence.</summary>
    public string Description { get; init; } = "";

    /// <summary>True if the label's window overlaps <paramref name="range"/>: both are half-open, so a window that
    /// ends where the range starts does not overlap it.</summary>
    public bool Overlaps(TimeRange range) => WindowStart < range.End && WindowEnd > range.Start;

    /// <summary>
    /// True when this label names <paramref name="entity"/> and <paramref name="time"/> lies in its window
    /// [<see cref="WindowStart"/>, <see cref="WindowEnd"/>): the start counts, the end does not. The one planted-label
    /// matcher of the library and the notebooks.
    /// </summary>
    /// <param name="entity">The entity of the scored item (account, user principal name, host, instance id).</param>
    /// <param name="time">The time of the scored item.</param>
    /// <param name="entityComparison">How <see cref="Entity"/> is compared with <paramref name="entity"/>: exact
    /// (<see cref="StringComparison.Ordinal"/>, the default) or, for names Windows and Entra ID treat
    /// case-insensitively, <see cref="StringComparison.OrdinalIgnoreCase"/>.</param>
    public bool Covers(
        string entity,
        DateTimeOffset time,
        StringComparison entityComparison = StringComparison.Ordinal
    ) => string.Equals(Entity, entity, entityComparison) && WindowStart <= time && time < WindowEnd;

    /// <summary>
    /// True when this label names <paramref name="entity"/> and its window [<see cref="WindowStart"/>,
    /// <see cref="WindowEnd"/>) overlaps the item's half-open time <paramref name="range"/> (<see cref="Overlaps"/>);
    /// a range of length zero is the instant <see cref="TimeRange.Start"/>, matched as <see cref="Covers(string,
    /// DateTimeOffset, StringComparison)"/> does.
    /// </summary>
    /// <param name="entity">The entity of the scored item.</param>
    /// <param name="range">The item's time, e.g. a UTC day or a bucket; for a span that includes its last instant
    /// (a session's last event) pass an end one tick later.</param>
    /// <param name="entityComparison">How <see cref="Entity"/> is compared with <paramref name="entity"/>: exact by
    /// default, see <see cref="Covers(string, DateTimeOffset, StringComparison)"/>.</param>
    public bool Covers(string entity, TimeRange range, StringComparison entityComparison = StringComparison.Ordinal) =>
        range.Start == range.End
            ? Covers(entity, range.Start, entityComparison)
            : string.Equals(Entity, entity, entityComparison) && Overlaps(range);

    RecordProblem? ICheckedRecord.Check() =>
        WindowEnd < WindowStart
            ? new RecordProblem(
                nameof(WindowEnd),
                UtcTimestampConverter.ToText(WindowEnd),
                "a time not before WindowStart " + UtcTimestampConverter.ToText(WindowStart)
            )
            : null;
}
