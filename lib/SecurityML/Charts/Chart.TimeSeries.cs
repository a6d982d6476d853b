namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>The default title of <see cref="TimeSeriesWithAnomalies"/>.</summary>
    public const string DefaultTimeSeriesTitle = "Time series with anomalies";

    /// <summary>The default title of the value axis of <see cref="TimeSeriesWithAnomalies"/>.</summary>
    public const string DefaultValueTitle = "value";

    /// <summary>The part of the height given to the score panel of <see cref="TimeSeriesWithAnomalies"/>.</summary>
    public const double ScorePanelFraction = 0.25;

    private const double PanelGap = 0.07;

    /// <summary>
    /// A time series with its anomalies marked: the observed values as a line, an optional baseline (expected
    /// values), a red open circle on each anomaly, and optionally the anomaly score in a panel below that shares
    /// the time axis, with its threshold.
    /// </summary>
    /// <param name="times">The instants, drawn in UTC.</param>
    /// <param name="values">The observed value at each instant; NaN is drawn as a gap.</param>
    /// <param name="isAnomaly">Whether each point is anomalous; no markers when null.</param>
    /// <param name="baseline">The expected value at each instant (e.g. a seasonal fit), dashed grey; none when
    /// null.</param>
    /// <param name="scores">The anomaly score at each instant (higher = more anomalous), drawn in a panel below
    /// on y-axis <c>y2</c>; no panel when null.</param>
    /// <param name="scoreThreshold">The score threshold, a dashed line in the score panel; needs
    /// <paramref name="scores"/>. Must be finite.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="valueTitle">The title of the value axis; say what is counted and per what (e.g.
    /// <c>bytes sent per hour</c>).</param>
    /// <param name="valueUnit">The unit of <paramref name="values"/>, for the tick labels of the value axis
    /// (<see cref="ChartAxes.Values"/>): <see cref="ValueUnit.Bytes"/> writes <c>1.5 GiB</c>, not plotly's
    /// <c>1.6B</c>.</param>
    /// <returns>A figure with an <c>observed</c> trace, then <c>baseline</c>, <c>anomalies</c> and
    /// <c>anomaly score</c> traces when given.</returns>
    /// <exception cref="ArgumentException">A list does not have one value per time, or
    /// <paramref name="scoreThreshold"/> is given without <paramref name="scores"/>.</exception>
    public static Figure TimeSeriesWithAnomalies(
        IReadOnlyList<DateTimeOffset> times,
        IReadOnlyList<double> values,
        IReadOnlyList<bool>? isAnomaly = null,
        IReadOnlyList<double>? baseline = null,
        IReadOnlyList<double>? scores = null,
        double? scoreThreshold = null,
        string title = DefaultTimeSeriesTitle,
        string valueTitle = DefaultValueTitle,
        ValueUnit valueUnit = ValueUnit.None
    )
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        ChartArguments.RequireSameLength(values, nameof(values), times.Count, nameof(times));
        ChartArguments.RequireSameLength(isAnomaly, nameof(isAnomaly), times.Count, nameof(times));
        ChartArguments.RequireSameLength(baseline, nameof(baseline), times.Count, nameof(times));
        ChartArguments.RequireSameLength(scores, nameof(scores), times.Count, nameof(times));
        ChartArguments.RequireFinite(scoreThreshold, nameof(scoreThreshold));
        if (scoreThreshold is not null && scores is null)
        {
            throw new ArgumentException(
                "Expected 'scores' with a score threshold, received none.",
                nameof(scoreThreshold)
            );
        }

        PlotValues x = PlotValues.FromTimes(times);
        var figure = new Figure();
        figure.Data.Add(
            Line(x, PlotValues.FromNumbers(values), "observed", SeriesStyle(ChartColors.Normal, LineDash.Solid))
        );
        if (baseline is not null)
        {
            figure.Data.Add(
                Line(x, PlotValues.FromNumbers(baseline), "baseline", SeriesStyle(ChartColors.Reference, LineDash.Dash))
            );
        }
        if (isAnomaly is not null)
        {
            figure.Data.Add(AnomalyMarkers(x, values, isAnomaly));
        }
        figure.Layout.Title = title;
        figure.Layout.XAxis = ChartAxes.Time("time (UTC)");
        figure.Layout.YAxis = ChartAxes.Values(
            valueTitle,
            valueUnit,
            baseline is null ? values : values.Concat(baseline)
        );
        if (scores is not null)
        {
            AddScorePanel(figure, x, scores, scoreThreshold);
        }
        return figure;
    }

    private static LineStyle SeriesStyle(string color, LineDash dash) =>
        new()
        {
            Color = color,
            Width = dash == LineDash.Solid ? 2 : 1.5,
            Dash = dash,
        };

    private static Scatter AnomalyMarkers(PlotValues x, IReadOnlyList<double> values, IReadOnlyList<bool> isAnomaly)
    {
        int[] anomalies = Enumerable.Range(0, isAnomaly.Count).Where(index => isAnomaly[index]).ToArray();
        return new Scatter
        {
            X = x.Select(anomalies),
            Y = PlotValues.FromNumbers(anomalies.Select(index => values[index])),
            Name = "anomalies",
            Mode = ScatterMode.Markers,
            Marker = new Marker
            {
                Color = ChartColors.Anomaly,
                Size = 12,
                Symbol = "circle-open",
                Line = new LineStyle { Color = ChartColors.Anomaly, Width = 2 },
            },
        };
    }

    /// <summary>Moves the values to the upper panel and adds the scores on y2 in a lower panel; the one x-axis
    /// is drawn below the lower panel, so both panels share it when zooming.</summary>
    private static void AddScorePanel(Figure figure, PlotValues x, IReadOnlyList<double> scores, double? threshold)
    {
        Scatter scoreLine = Line(
            x,
            PlotValues.FromNumbers(scores),
            "anomaly score",
            SeriesStyle(ChartColors.Score, LineDash.Solid)
        );
        scoreLine.YAxis = "y2";
        figure.Data.Add(scoreLine);
        Layout layout = figure.Layout;
        layout.XAxis!.Anchor = "y2";
        layout.YAxis!.Domain = [ScorePanelFraction + PanelGap, 1];
        layout.YAxis2 = new Axis
        {
            Title = "score",
            Domain = [0, ScorePanelFraction],
            Anchor = "x",
        };
        if (threshold is { } value)
        {
            AddHorizontalThreshold(layout, value, "y2");
        }
    }
}
