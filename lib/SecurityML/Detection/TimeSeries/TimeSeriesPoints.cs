namespace SecurityML.Detection.TimeSeries;

/// <summary>Builds <see cref="TimeSeriesPoint"/> series from records.</summary>
public static class TimeSeriesPoints
{
    /// <summary>One point per record, sorted by time (times converted to UTC).</summary>
    /// <param name="records">E.g. <c>HourlyOutboundBytes</c> rows.</param>
    /// <param name="time">The record's time (e.g. <c>r =&gt; r.TimeGenerated</c>).</param>
    /// <param name="value">The record's value (e.g. <c>r =&gt; r.TotalBytesSent</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<TimeSeriesPoint> From<T>(
        IEnumerable<T> records,
        Func<T, DateTimeOffset> time,
        Func<T, double> value
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(value);
        return records
            .Select(record => new TimeSeriesPoint(time(record).ToUniversalTime(), value(record)))
            .OrderBy(point => point.TimeGenerated)
            .ToList();
    }

    /// <summary>Inserts a point with <paramref name="fillValue"/> at every missing step between the first and the last
    /// point (as KQL <c>make-series ... default=0</c>); existing points are kept as they are.</summary>
    /// <param name="points">Points in time order, each at the first point's time plus a whole number of
    /// intervals.</param>
    /// <param name="interval">The spacing; positive.</param>
    /// <param name="fillValue">The value of inserted points; default 0 (nothing sent in that hour).</param>
    /// <exception cref="ArgumentException">Points out of order, duplicated or off the interval grid (position
    /// given).</exception>
    public static IReadOnlyList<TimeSeriesPoint> FillGaps(
        IReadOnlyList<TimeSeriesPoint> points,
        TimeSpan interval,
        double fillValue = 0
    )
    {
        ArgumentNullException.ThrowIfNull(points);
        TimeSeriesChecks.RequirePositive(interval, nameof(interval));
        var filled = new List<TimeSeriesPoint>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new ArgumentException($"points[{i}] is null.", nameof(points));
            if (
                i > 0
                && (
                    (point.TimeGenerated - points[0].TimeGenerated).Ticks % interval.Ticks != 0
                    || point.TimeGenerated <= filled[^1].TimeGenerated
                )
            )
            {
                throw new ArgumentException(
                    $"points[{i}] is at {TimeSeriesChecks.Text(point.TimeGenerated)}; expected a time after "
                        + $"{TimeSeriesChecks.Text(filled[^1].TimeGenerated)} on the {interval} grid starting "
                        + $"{TimeSeriesChecks.Text(points[0].TimeGenerated)}.",
                    nameof(points)
                );
            }
            while (filled.Count > 0 && filled[^1].TimeGenerated + interval < point.TimeGenerated)
            {
                filled.Add(new TimeSeriesPoint(filled[^1].TimeGenerated + interval, fillValue));
            }
            filled.Add(point);
        }
        return filled;
    }
}
