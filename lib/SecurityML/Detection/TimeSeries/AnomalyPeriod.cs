namespace SecurityML.Detection.TimeSeries;

/// <summary>A time window around one or more anomalies, to drill into the raw events (see
/// <see cref="AnomalyPeriods"/>).</summary>
/// <param name="Start">The first instant (UTC), inclusive.</param>
/// <param name="End">The last instant (UTC), inclusive, as KQL's <c>between</c>.</param>
public sealed record AnomalyPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The time the row is about: <see cref="Start"/>, under Log Analytics' time column name.</summary>
    public DateTimeOffset TimeGenerated => Start;

    /// <summary>True when <paramref name="time"/> is within [<see cref="Start"/>, <see cref="End"/>] (both
    /// inclusive).</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && time <= End;
}
