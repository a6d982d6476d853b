namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>The default title of <see cref="EventsPerDay{T}"/>.</summary>
    public const string DefaultEventsPerDayTitle = "Events per day";

    /// <summary>The most groups <see cref="EventsPerDay{T}"/> draws; the rest are summed into "other".</summary>
    public const int MaximumEventGroups = 8;

    /// <summary>
    /// Stacked bars of event counts per UTC day, one bar series per group (e.g. EventID, Computer, Operation):
    /// the quick look at a dataset before modelling it. The <see cref="MaximumEventGroups"/> largest groups are
    /// drawn, the rest summed as "other".
    /// </summary>
    /// <typeparam name="T">The event record type.</typeparam>
    /// <param name="events">The events, enumerated once; may be empty (an empty plot).</param>
    /// <param name="timeOf">The event time (TimeGenerated); the day is its UTC date.</param>
    /// <param name="groupOf">The group of an event; all events form one group "events" when null. May come from
    /// logs: it is HTML-encoded when written.</param>
    /// <param name="title">The figure title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="timeOf"/> is
    /// null.</exception>
    public static Figure EventsPerDay<T>(
        IEnumerable<T> events,
        Func<T, DateTimeOffset> timeOf,
        Func<T, string?>? groupOf = null,
        string title = DefaultEventsPerDayTitle
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeOf);
        var counts = new Dictionary<(DateTimeOffset Day, string Group), int>();
        foreach (var item in events)
        {
            var day = new DateTimeOffset(timeOf(item).UtcDateTime.Date, TimeSpan.Zero);
            var key = (day, groupOf?.Invoke(item) ?? "events");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var days = counts.Keys.Select(k => k.Day).Distinct().Order().ToList();
        var ranked = counts
            .GroupBy(c => c.Key.Group)
            .OrderByDescending(g => g.Sum(c => c.Value))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var shown = ranked.Take(MaximumEventGroups).ToHashSet();
        var figure = new Figure();
        foreach (var group in ranked.Take(MaximumEventGroups).Append("other"))
        {
            var perDay = days.Select(day =>
                    (double)
                        counts
                            .Where(c =>
                                c.Key.Day == day
                                && (group == "other" ? !shown.Contains(c.Key.Group) : c.Key.Group == group)
                            )
                            .Sum(c => c.Value)
                )
                .ToArray();
            if (group == "other" && perDay.All(v => v == 0))
                continue;
            figure.Data.Add(
                new Bar
                {
                    X = days.ToArray(),
                    Y = perDay,
                    Name = group,
                }
            );
        }
        figure.Layout.Title = title;
        figure.Layout.BarMode = BarMode.Stack;
        figure.Layout.XAxis = ChartAxes.Days("day (UTC)");
        figure.Layout.YAxis = new Axis { Title = "events" };
        return figure;
    }
}
