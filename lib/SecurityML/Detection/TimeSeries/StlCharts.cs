using SecurityML.Charts;

namespace SecurityML.Detection.TimeSeries;

/// <summary>Charts of an STL fit, for notebooks (the anomaly view itself is <see cref="Chart.TimeSeriesWithAnomalies"/>).</summary>
public static class StlCharts
{
    /// <summary>The default title of <see cref="Decomposition"/>.</summary>
    public const string DefaultDecompositionTitle = "STL decomposition";

    /// <summary>The part of the height given to the seasonal panel of <see cref="Decomposition"/>.</summary>
    public const double SeasonalPanelFraction = 0.35;

    /// <summary>The decomposition of a fitted series: observed values and the trend in the upper panel, the
    /// seasonal component in a lower panel sharing the time axis (the residual is what the anomaly chart scores).</summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="title">The figure title (HTML-encoded by the serializer).</param>
    /// <returns>A figure with <c>observed</c>, <c>trend</c> and <c>seasonal</c> traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Figure Decomposition(StlAnomalyModel model, string title = DefaultDecompositionTitle)
    {
        ArgumentNullException.ThrowIfNull(model);
        var x = PlotValues.FromTimes(model.Rows.Select(row => row.TimeGenerated));
        var figure = new Figure();
        figure.Data.Add(Line(x, model.Rows.Select(row => row.Value), "observed", ChartColors.Reference, 1));
        figure.Data.Add(Line(x, model.Rows.Select(row => row.Trend), "trend", ChartColors.Normal, 2.5));
        var seasonal = Line(x, model.Rows.Select(row => row.Seasonal), "seasonal", ChartColors.Score, 1.5);
        seasonal.YAxis = "y2";
        figure.Data.Add(seasonal);
        figure.Layout.Title = title;
        figure.Layout.XAxis = new Axis { Type = AxisType.Date, Anchor = "y2" };
        figure.Layout.YAxis = new Axis { Title = "observed and trend", Domain = [SeasonalPanelFraction + 0.07, 1] };
        figure.Layout.YAxis2 = new Axis { Title = "seasonal", Domain = [0, SeasonalPanelFraction], Anchor = "x" };
        return figure;
    }

    private static Scatter Line(PlotValues x, IEnumerable<double> y, string name, string color, double width) => new()
    {
        X = x,
        Y = PlotValues.FromNumbers(y),
        Name = name,
        Mode = ScatterMode.Lines,
        Line = new LineStyle { Color = color, Width = width },
    };
}
