using SecurityML.Data;

namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// Merges anomalous points into windows and turns them into a KQL filter, as msticpy's
/// <c>extract_anomaly_periods</c> and <c>create_time_period_kqlfilter</c> do.
/// </summary>
public static class AnomalyPeriods
{
    /// <summary>Default period: one hour (msticpy's <c>"1H"</c>).</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromHours(1);

    /// <summary>The default time column of <see cref="ToKqlFilter"/>.</summary>
    public const string DefaultTimeColumn = "TimeGenerated";

    /// <summary>
    /// The windows around the anomalies of <paramref name="rows"/>: each anomaly time is floored to a
    /// <paramref name="period"/> bin (bins start at the UTC midnight of the first anomaly's day, as pandas'
    /// <c>resample</c>); the first bin t opens [t − period, t + period]; a later bin t extends the current window to
    /// t + period when t is at most 2 × period after the previous anomalous bin, else opens a new window.
    /// </summary>
    /// <param name="rows">Scored rows in any order (e.g. <see cref="StlAnomalyModel.Rows"/> or a re-thresholded
    /// copy).</param>
    /// <param name="period">The bin and margin; positive, default one hour.</param>
    /// <param name="positiveOnly">True (default, as msticpy): only rows flagged 1; false: 1 and −1.</param>
    /// <returns>The windows in time order; empty when no row is flagged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IReadOnlyList<AnomalyPeriod> Extract(
        IEnumerable<StlScoredPoint> rows,
        TimeSpan? period = null,
        bool positiveOnly = true
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        var step = period ?? DefaultPeriod;
        TimeSeriesChecks.RequirePositive(step, nameof(period));
        var times = rows.Where(row => row.Anomalies == 1 || (!positiveOnly && row.Anomalies == -1))
            .Select(row => row.TimeGenerated.ToUniversalTime())
            .OrderBy(time => time)
            .ToList();
        var periods = new List<AnomalyPeriod>();
        if (times.Count == 0)
            return periods;
        var origin = new DateTimeOffset(times[0].UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset? previous = null;
        foreach (var bin in times.Select(time => origin + (time - origin).Ticks / step.Ticks * step).Distinct())
        {
            if (previous is { } last && bin - last <= 2 * step)
            {
                periods[^1] = periods[^1] with { End = bin + step };
            }
            else
            {
                periods.Add(new AnomalyPeriod(bin - step, bin + step));
            }
            previous = bin;
        }
        return periods;
    }

    /// <summary>The KQL filter selecting the periods:
    /// <c>| where TimeGenerated between (datetime(2024-03-13T02:00:00Z) .. datetime(2024-03-13T04:00:00Z)) or ...</c>;
    /// datetimes in UTC ISO 8601 (invariant culture, fractions only when present).</summary>
    /// <param name="periods">The windows; when empty the filter is <c>| where false</c> (matches nothing; msticpy
    /// would give an invalid <c>| where </c>).</param>
    /// <param name="timeColumn">The column to filter, written by <see cref="KqlLiteral.Name"/>: as is when it has an
    /// ASCII capital letter first then letters, digits or '_' (e.g. <c>TimeGenerated</c>), otherwise quoted as
    /// <c>['...']</c> with quotes and backslashes escaped.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeColumn"/> is empty, longer than 1024 characters, or
    /// holds a character no quoted KQL name can hold (line break or other control, separator or invisible formatting
    /// character); the message names <c>timeColumn</c> and shows the value escaped.</exception>
    public static string ToKqlFilter(IEnumerable<AnomalyPeriod> periods, string timeColumn = DefaultTimeColumn)
    {
        ArgumentNullException.ThrowIfNull(periods);
        string column = KqlLiteral.Name(timeColumn);
        var clauses = periods
            .Select(period =>
                $"{column} between (datetime({TimeSeriesChecks.Text(period.Start)}) .. "
                + $"datetime({TimeSeriesChecks.Text(period.End)}))"
            )
            .ToList();
        return clauses.Count == 0 ? "| where false" : "| where " + string.Join(" or ", clauses);
    }

    /// <summary>The items whose time falls in any of the periods (both ends inclusive), in their original
    /// order.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<T> Within<T>(
        IEnumerable<T> items,
        Func<T, DateTimeOffset> time,
        IReadOnlyList<AnomalyPeriod> periods
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(periods);
        return items.Where(item => periods.Any(period => period.Contains(time(item)))).ToList();
    }
}
