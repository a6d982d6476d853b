namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>
    /// One line trace: the one helper every line in the library's charts is drawn with (time series, curves,
    /// decompositions, training loss).
    /// </summary>
    /// <param name="x">The x values (numbers, times or texts).</param>
    /// <param name="y">The y values, one per x value; NaN is drawn as a gap.</param>
    /// <param name="name">The trace name shown in the legend (HTML-encoded by the serializer).</param>
    /// <param name="line">The colour, width, dash and shape; plotly's defaults when null.</param>
    /// <param name="mode">Lines (default) or lines with a marker on each point.</param>
    /// <returns>A <see cref="Scatter"/> trace with the given values and style.</returns>
    public static Scatter Line(
        PlotValues x,
        PlotValues y,
        string name,
        LineStyle? line = null,
        ScatterMode mode = ScatterMode.Lines
    ) =>
        new()
        {
            X = x,
            Y = y,
            Name = name,
            Mode = mode,
            Line = line,
        };

    /// <summary>
    /// A line chart of one or more series over a numeric x-axis, one trace per series with a marker on each point,
    /// in the order given (e.g. the training loss per step, one line per stage).
    /// </summary>
    /// <param name="series">The series: name, x values and y values (one per x value).</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <returns>A figure with one trace per series; no trace when <paramref name="series"/> is empty.</returns>
    /// <exception cref="ArgumentException">A series does not have one y value per x value.</exception>
    public static Figure LineChart(
        IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series,
        string title,
        string xTitle,
        string yTitle
    )
    {
        ArgumentNullException.ThrowIfNull(series);
        var figure = new Figure();
        foreach (var (name, x, y) in series)
        {
            ChartArguments.RequireSameLength(y, nameof(series), x.Count, nameof(series));
            figure.Data.Add(
                Line(PlotValues.FromNumbers(x), PlotValues.FromNumbers(y), name, mode: ScatterMode.LinesAndMarkers)
            );
        }
        figure.Layout.Title = title;
        figure.Layout.XAxis = new Axis { Title = xTitle };
        figure.Layout.YAxis = new Axis { Title = yTitle };
        return figure;
    }
}
