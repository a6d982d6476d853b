using System.Globalization;

namespace SecurityML.Charts;

/// <summary>
/// Axes that read well, shared by the chart builders: values with their unit (bytes in binary units, never
/// plotly's <c>1B</c> for a billion), instants as ISO dates, probabilities as powers of ten.
/// </summary>
public static class ChartAxes
{
    /// <summary>The hover format of a date axis: ISO date and time, e.g. <c>2024-03-20 14:00</c>.</summary>
    public const string DateTimeHoverFormat = "%Y-%m-%d %H:%M";

    /// <summary>Ticks per byte axis aimed at (plotly's own default is about 6).</summary>
    public const int TargetByteTicks = 6;

    private const double MillisecondsPerDay = 86_400_000;

    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>A value axis titled <paramref name="title"/> whose ticks suit <paramref name="unit"/>: for
    /// <see cref="ValueUnit.Bytes"/> see <see cref="Bytes"/>; otherwise SI exponents (<c>G</c>, not plotly's
    /// <c>B</c> for billion).</summary>
    /// <param name="title">The axis title; for bytes, say so (e.g. <c>bytes sent per hour</c>).</param>
    /// <param name="unit">The unit of <paramref name="values"/>.</param>
    /// <param name="values">The values drawn on the axis (ticks are placed over their range).</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Axis Values(string title, ValueUnit unit, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return unit == ValueUnit.Bytes ? Bytes(title, values) : new Axis { Title = title, ExponentFormat = "SI" };
    }

    /// <summary>
    /// A byte axis: tick labels in binary units (1 KiB = 1024 B; the unit is the largest whose value is at most the
    /// largest |value|), at round steps (1, 2, 2.5 or 5 × 10ⁿ of the unit) over the range of the finite values and
    /// one step beyond it at both ends (plotly draws only the ticks inside its padded range); the
    /// exact byte count with digit grouping on hover.
    /// </summary>
    /// <param name="title">The axis title.</param>
    /// <param name="values">The byte counts drawn on the axis; NaN and infinities are ignored; no fixed ticks when
    /// none is finite.</param>
    /// <returns>An axis with <see cref="Axis.TickValues"/> and <see cref="Axis.TickText"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Axis Bytes(string title, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var axis = new Axis { Title = title, HoverFormat = ",.0f" };
        double[] finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return axis;
        }
        double minimum = finite.Min(),
            maximum = finite.Max();
        double largest = Math.Max(Math.Abs(minimum), Math.Abs(maximum));
        int power = largest < 1 ? 0 : Math.Min((int)Math.Floor(Math.Log(largest, 1024)), BinaryUnits.Length - 1);
        double unit = Math.Pow(1024, power);
        double span = (maximum - minimum) / unit;
        double step = RoundStep(span > 0 ? span / TargetByteTicks : Math.Max(largest / unit, 1) / TargetByteTicks);
        if (power == 0)
        {
            step = Math.Max(step, 1);
        }
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9)) + (IsQuarterStep(step) ? 1 : 0);
        var ticks = new List<double>();
        // One step beyond the data at both ends: plotly pads the range and draws only the ticks inside it.
        double first = (Math.Floor(minimum / unit / step) - 1) * step,
            last = maximum / unit + step * (1 + 1e-9);
        for (double tick = first; tick <= last; tick += step)
        {
            ticks.Add(Math.Round(tick / step) * step);
        }
        axis.TickValues = ticks.Select(tick => tick * unit).ToArray();
        axis.TickText = ticks
            .Select(tick =>
                (string?)(
                    tick == 0
                        ? "0"
                        : tick.ToString("F" + decimals, CultureInfo.InvariantCulture) + " " + BinaryUnits[power]
                )
            )
            .ToArray();
        return axis;
    }

    /// <summary>A time axis: ISO tick labels (<c>2024-03-20</c>; <c>2024-03-20 14:00</c> while ticks are less than
    /// a day apart) and ISO date and time on hover.</summary>
    /// <param name="title">The axis title (e.g. <c>time (UTC)</c>); none when null.</param>
    public static Axis Time(string? title = null) =>
        new()
        {
            Title = title,
            Type = AxisType.Date,
            HoverFormat = DateTimeHoverFormat,
            TickFormatStops =
            [
                new TickFormatStop { TickDistanceRange = [null, MillisecondsPerDay], Value = "%Y-%m-%d %H:%M" },
                new TickFormatStop { TickDistanceRange = [MillisecondsPerDay, null], Value = "%Y-%m-%d" },
            ],
        };

    /// <summary>A time axis for daily values: as <see cref="Time"/>, with the day alone (<c>2024-03-20</c>) on
    /// hover.</summary>
    /// <param name="title">The axis title (e.g. <c>day (UTC)</c>); none when null.</param>
    public static Axis Days(string? title = null)
    {
        Axis axis = Time(title);
        axis.HoverFormat = "%Y-%m-%d";
        return axis;
    }

    /// <summary>A log axis for likelihoods and probabilities: tick labels as powers of ten (10⁻⁴, not
    /// <c>100µ</c>), the value in scientific notation on hover.</summary>
    /// <param name="title">The axis title.</param>
    public static Axis Probability(string title) =>
        new()
        {
            Title = title,
            Type = AxisType.Log,
            ExponentFormat = "power",
            ShowExponent = "all",
            HoverFormat = ".3e",
        };

    /// <summary>The smallest of 1, 2, 2.5 and 5 × 10ⁿ that is at least <paramref name="roughStep"/> (&gt; 0).</summary>
    private static double RoundStep(double roughStep)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(roughStep)));
        foreach (double factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= roughStep * (1 - 1e-9))
            {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static bool IsQuarterStep(double step)
    {
        double scaled = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        return Math.Abs(scaled - 2.5) < 1e-9;
    }
}
