using System.Globalization;

namespace SecurityML.Data.Engines;

/// <summary>
/// <see cref="TimeRange.Contains"/> (start inclusive, end exclusive) as a SQL condition on a time held as a whole
/// number of units since the Unix epoch (100-ns ticks, microseconds or milliseconds). For a whole number t,
/// t ≥ start ⟺ t ≥ ⌈start⌉ and t &lt; end ⟺ t &lt; ⌈end⌉ in that unit, so the condition holds for exactly the times
/// the range contains; an end of <see cref="DateTimeOffset.MaxValue"/> is no bound.
/// </summary>
internal static class SqlTimeRange
{
    /// <summary>Ticks per unit of a time in microseconds.</summary>
    public const long Microseconds = TimeSpan.TicksPerMicrosecond;

    /// <summary>Ticks per unit of a time in milliseconds.</summary>
    public const long Milliseconds = TimeSpan.TicksPerMillisecond;

    /// <summary>The condition on <paramref name="time"/>, a SQL expression of whole units since the epoch.</summary>
    /// <param name="time">The time in units (e.g. <c>epoch_us(time)</c>).</param>
    /// <param name="range">The range.</param>
    /// <param name="ticksPerUnit">1 for ticks, <see cref="Microseconds"/> or <see cref="Milliseconds"/>.</param>
    public static string Condition(string time, TimeRange range, long ticksPerUnit)
    {
        string condition = $"{time} >= {CeilingUnits(range.Start, ticksPerUnit)}";
        return range.End == DateTimeOffset.MaxValue
            ? condition
            : $"{condition} AND {time} < {CeilingUnits(range.End, ticksPerUnit)}";
    }

    /// <summary>True when <paramref name="time"/> is a whole number of units since the epoch (or the end of
    /// time).</summary>
    public static bool IsWhole(DateTimeOffset time, long ticksPerUnit) =>
        time == DateTimeOffset.MaxValue || (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % ticksPerUnit == 0;

    // ⌈ticks / ticksPerUnit⌉ (integer division truncates toward zero, the ceiling of a negative quotient).
    private static string CeilingUnits(DateTimeOffset time, long ticksPerUnit)
    {
        long ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long units = ticks / ticksPerUnit + (ticks % ticksPerUnit > 0 ? 1 : 0);
        return units.ToString(CultureInfo.InvariantCulture);
    }
}
