namespace SecurityML.Data;

/// <summary>
/// Ground truth for one anomaly planted in a demo data set: which entity, when, and what kind.
/// </summary>
public sealed record AnomalyLabel : ICheckedRecord
{
    /// <summary>The data set the anomaly is in, e.g. <c>Logons</c> (see <see cref="DataSets"/>).</summary>
    public string DataSet { get; init; } = "";

    /// <summary>The entity to flag: an account, a user principal name, a host, or <c>network</c> for the series.</summary>
    public string Entity { get; init; } = "";

    /// <summary>Inclusive start of the anomalous window (UTC).</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>Exclusive end of the anomalous window (UTC).</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>A short kind such as <c>FailedLogonBurst</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>What was planted, in a sentence.</summary>
    public string Description { get; init; } = "";

    /// <summary>True if the label's window overlaps <paramref name="range"/>.</summary>
    public bool Overlaps(TimeRange range) => WindowStart < range.End && WindowEnd > range.Start;

    RecordProblem? ICheckedRecord.Check() => WindowEnd < WindowStart
        ? new RecordProblem(nameof(WindowEnd), UtcTimestampConverter.ToText(WindowEnd), "a time not before WindowStart " + UtcTimestampConverter.ToText(WindowStart))
        : null;
}
