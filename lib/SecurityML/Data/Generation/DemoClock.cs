using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>Time helpers of the demo generators: days from the start, working-hour times, label windows.</summary>
internal sealed class DemoClock(DateTimeOffset start)
{
    private static readonly int[] WorkHours = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
    private static readonly int[] WorkHourWeights = [2, 6, 10, 10, 9, 6, 8, 10, 9, 7, 4, 2];

    public DateTimeOffset Start { get; } = start;

    /// <summary>Midnight (UTC) of day <paramref name="dayIndex"/>, counted from 0.</summary>
    public DateTimeOffset Day(int dayIndex) => Start.AddDays(dayIndex);

    public static bool IsWeekend(DateTimeOffset day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A time in working hours (07:00–18:59, peaking mid-morning and mid-afternoon) of
    /// <paramref name="day"/>.</summary>
    public static DateTimeOffset WorkTime(DeterministicRandom random, DateTimeOffset day) =>
        Within(random, day.AddHours(random.PickWeighted(WorkHours, WorkHourWeights)), TimeSpan.FromHours(1));

    /// <summary>A uniform time, to the millisecond, in [<paramref name="from"/>, <paramref name="from"/> +
    /// <paramref name="length"/>).</summary>
    public static DateTimeOffset Within(DeterministicRandom random, DateTimeOffset from, TimeSpan length) =>
        from.AddMilliseconds(random.Next((int)Math.Max(1, length.TotalMilliseconds)));

    /// <summary>A label whose window is the whole hours around [<paramref name="from"/>,
    /// <paramref name="to"/>).</summary>
    public static AnomalyLabel Label(
        DataSet dataSet,
        string entity,
        DateTimeOffset from,
        DateTimeOffset to,
        string kind,
        string description
    ) =>
        new()
        {
            DataSet = dataSet.Name,
            Entity = entity,
            WindowStart = FloorHour(from),
            WindowEnd = FloorHour(to) == to ? to : FloorHour(to).AddHours(1),
            Kind = kind,
            Description = description,
        };

    private static DateTimeOffset FloorHour(DateTimeOffset time) =>
        new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);
}
