using System.Globalization;

namespace SecurityML.Detection.TimeSeries;

/// <summary>The input checks of the time-series techniques, in one place; messages name the parameter, the position,
/// what was expected and what was received.</summary>
internal static class TimeSeriesChecks
{
    /// <summary>Throws on the first NaN or infinite value.</summary>
    public static void RequireFinite(IReadOnlyList<double> values, string parameterName)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{parameterName}[{i}] is {values[i].ToString(CultureInfo.InvariantCulture)}; expected a "
                        + $"finite value (fill or drop missing observations first).",
                    parameterName
                );
            }
        }
    }

    /// <summary>Throws unless there are at least two full periods of values.</summary>
    public static void RequireTwoPeriods(int count, int period, string parameterName)
    {
        if (count < 2 * period)
        {
            throw new ArgumentException(
                $"{parameterName} {(count == 0 ? "is empty" : $"has {count} values")}; STL with period {period} "
                    + $"needs at least {2 * period} (two full periods).",
                parameterName
            );
        }
    }

    /// <summary>Throws unless the points are in time order exactly <paramref name="interval"/> apart (no gap, no
    /// duplicate) and every value is finite.</summary>
    public static void RequireRegular(IReadOnlyList<TimeSeriesPoint> points, TimeSpan interval, string parameterName)
    {
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i] is null)
                throw new ArgumentException($"{parameterName}[{i}] is null.", parameterName);
            if (!double.IsFinite(points[i].Value))
            {
                throw new ArgumentException(
                    $"{parameterName}[{i}] ({Text(points[i].TimeGenerated)}) has value "
                        + $"{points[i].Value.ToString(CultureInfo.InvariantCulture)}; expected a finite value "
                        + $"(fill or drop missing observations first).",
                    parameterName
                );
            }
            if (i == 0)
                continue;
            var expected = points[i - 1].TimeGenerated + interval;
            if (points[i].TimeGenerated != expected)
            {
                throw new ArgumentException(
                    $"{parameterName}[{i}] is at {Text(points[i].TimeGenerated)}; expected {Text(expected)}, one "
                        + $"interval of {interval} after {parameterName}[{i - 1}] "
                        + $"({(points[i].TimeGenerated > expected ? "a gap" : "a duplicate or out-of-order time")}). "
                        + $"Fill gaps with TimeSeriesPoints.FillGaps or make-series in KQL.",
                    parameterName
                );
            }
        }
    }

    /// <summary>Throws unless <paramref name="interval"/> is positive.</summary>
    public static void RequirePositive(TimeSpan interval, string parameterName)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                interval,
                $"Expected a positive interval, received {interval}."
            );
        }
    }

    /// <summary>A UTC ISO 8601 text of a time, invariant culture.</summary>
    public static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
