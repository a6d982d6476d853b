namespace SecurityML.Data;

/// <summary>A half-open UTC time range [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct TimeRange
{
    /// <summary>Creates a range; both ends are converted to UTC.</summary>
    /// <param name="start">Inclusive start.</param>
    /// <param name="end">Exclusive end; must not be before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="end"/> is before
    /// <paramref name="start"/>.</exception>
    public TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end),
                end,
                $"The end must not be before the start; expected end >= {start:O}, received {end:O}."
            );
        }
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>Every representable time.</summary>
    public static TimeRange All { get; } = new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>The range from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive); a missing
    /// bound is open (<see cref="DateTimeOffset.MinValue"/> or <see cref="DateTimeOffset.MaxValue"/>), as the query
    /// provider's optional <c>start</c>/<c>end</c> parameters mean.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before
    /// <paramref name="start"/>.</exception>
    public static TimeRange Between(DateTimeOffset? start, DateTimeOffset? end) =>
        new(start ?? DateTimeOffset.MinValue, end ?? DateTimeOffset.MaxValue);

    /// <summary>Inclusive start (UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Exclusive end (UTC); <see cref="DateTimeOffset.MaxValue"/> is treated as inclusive.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The range covering <paramref name="days"/> whole UTC days from the date of
    /// <paramref name="start"/>.</summary>
    public static TimeRange Days(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var first = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        return new TimeRange(first, first.AddDays(days));
    }

    /// <summary>True if <paramref name="time"/> lies in the range.</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && (time < End || End == DateTimeOffset.MaxValue);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start:O}, {End:O})";
}
