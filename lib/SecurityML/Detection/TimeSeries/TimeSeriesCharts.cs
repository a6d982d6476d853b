using SecurityML.Charts;

namespace SecurityML.Detection.TimeSeries;

/// <summary>Charts of the time-series technique (an STL fit), for notebooks (the anomaly view itself is
/// <see cref="Chart.TimeSeriesWithAnomalies"/>).</summary>
public static class TimeSeriesCharts
{
    /// <summary>The default title of <see cref="Decomposition"/>.</summary>
    public const string DefaultDecompositionTitle = "STL decomposition";

    /// <summary>The part of the height given to the seasonal panel of <see cref="Decomposition"/>.</summary>
    public const double SeasonalPanelFraction = 0.35;

    /// <summary>The decomposition of a fitted series: observed values and the trend in the upper panel, the
    /// seasonal component in a lower panel sharing the time axis (the residual is what the anomaly chart
    /// scores).</summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="title">The figure title (HTML-encoded by the serializer).</param>
    /// <param name="valueUnit">The unit of the series' values, for the tick labels of both panels
    /// (<see cref="ChartAxes.Values"/>); with <see cref="ValueUnit.Bytes"/> the axis titles say bytes and the ticks
    /// read <c>1.5 GiB</c>.</param>
    /// <returns>A figure with <c>observed</c>, <c>trend</c> and <c>seasonal</c> traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Figure Decomposition(
        StlAnomalyModel model,
        string title = DefaultDecompositionTitle,
        ValueUnit valueUnit = ValueUnit.None
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        var x = PlotValues.FromTimes(model.Rows.Select(row => row.TimeGenerated));
        var figure = new Figure();
        figure.Data.Add(
            Chart.Line(
                x,
                PlotValues.FromNumbers(model.Rows.Select(row => row.Value)),
                "observed",
                new LineStyle { Color = ChartColors.Reference, Width = 1 }
            )
        );
        figure.Data.Add(
            Chart.Line(
                x,
                PlotValues.FromNumbers(model.Rows.Select(row => row.Trend)),
                "trend",
                new LineStyle { Color = ChartColors.Normal, Width = 2.5 }
            )
        );
        var seasonal = Chart.Line(
            x,
            PlotValues.FromNumbers(model.Rows.Select(row => row.Seasonal)),
            "seasonal",
            new LineStyle { Color = ChartColors.Score, Width = 1.5 }
        );
        seasonal.YAxis = "y2";
        figure.Data.Add(seasonal);
        figure.Layout.Title = title;
        string unit = valueUnit == ValueUnit.Bytes ? " (bytes)" : "";
        var xAxis = ChartAxes.Time("time (UTC)");
        xAxis.Anchor = "y2";
        figure.Layout.XAxis = xAxis;
        var upper = ChartAxes.Values(
            "observed and trend" + unit,
            valueUnit,
            model.Rows.Select(row => row.Value).Concat(model.Rows.Select(row => row.Trend))
        );
        upper.Domain = [SeasonalPanelFraction + 0.07, 1];
        figure.Layout.YAxis = upper;
        var lower = ChartAxes.Values("seasonal" + unit, valueUnit, model.Rows.Select(row => row.Seasonal));
        lower.Domain = [0, SeasonalPanelFraction];
        lower.Anchor = "x";
        figure.Layout.YAxis2 = lower;
        return figure;
    }
}
