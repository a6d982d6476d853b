using System.Globalization;

namespace SecurityML.Charts;

/// <summary>
/// Builds the figures the notebooks show: score distributions, time series with anomalies, clusters, feature
/// contributions, ROC and precision-recall curves. Each returns an ordinary <see cref="Figure"/> that can be
/// adjusted (axis titles, size) before it is displayed.
/// </summary>
/// <remarks>Scores follow the library's direction: higher = more anomalous. Labels and hover texts may come
/// from logs; they are HTML-encoded when the figure is written (see <see cref="FigureJson"/>).</remarks>
public static partial class Chart
{
    /// <summary>The default title of <see cref="ScoreDistribution"/>.</summary>
    public const string DefaultScoreDistributionTitle = "Score distribution";

    /// <summary>The opacity of overlaid histograms, so both stay visible where they overlap.</summary>
    public const double OverlaidHistogramOpacity = 0.6;

    /// <summary>The height (pixels) of each mark of the abnormal scores below a <see cref="ScoreDistribution"/>.
    /// </summary>
    public const double RugMarkerSize = 16;

    /// <summary>The part of the height given to the strip of abnormal-score marks of
    /// <see cref="ScoreDistribution"/>.</summary>
    public const double RugPanelFraction = 0.08;

    private const string ScoreAxisTitle = "anomaly score (higher = more anomalous)";

    /// <summary>
    /// A histogram of anomaly scores, optionally with the scores of known-abnormal entities overlaid (sharing
    /// bin edges) and a vertical threshold line labelled with its value.
    /// </summary>
    /// <param name="scores">The scores (all of them, or those of normal entities); NaN values are skipped by
    /// plotly. May be empty (an empty plot).</param>
    /// <param name="abnormalScores">Scores of known-abnormal entities (e.g. planted anomalies), overlaid in red
    /// with opacity <see cref="OverlaidHistogramOpacity"/>; none when null.</param>
    /// <param name="threshold">The decision threshold, drawn as a vertical dashed line over the whole height;
    /// none when null. Must be finite.</param>
    /// <param name="numberOfBins">The largest number of bins (≥ 1); plotly picks when null.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="scoresName">The legend name of <paramref name="scores"/>.</param>
    /// <param name="abnormalScoresName">The legend name of <paramref name="abnormalScores"/>.</param>
    /// <returns>A figure with one or two <see cref="Histogram"/> traces, in overlay bar mode when two; with
    /// abnormal scores also a <see cref="Scatter"/> trace (y-axis <c>y2</c>) with one mark per abnormal score in a
    /// strip below the bars (<see cref="RugPanelFraction"/> of the height), so that a handful of them stays visible
    /// beside thousands of other scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite or
    /// <paramref name="numberOfBins"/> is below 1.</exception>
    public static Figure ScoreDistribution(
        IReadOnlyList<double> scores,
        IReadOnlyList<double>? abnormalScores = null,
        double? threshold = null,
        int? numberOfBins = null,
        string title = DefaultScoreDistributionTitle,
        string scoresName = "scores",
        string abnormalScoresName = "abnormal"
    )
    {
        ArgumentNullException.ThrowIfNull(scores);
        ChartArguments.RequireFinite(threshold, nameof(threshold));
        ChartArguments.RequirePositive(numberOfBins, nameof(numberOfBins));
        bool overlaid = abnormalScores is not null;
        var figure = new Figure();
        figure.Data.Add(ScoreHistogram(scores, scoresName, ChartColors.Normal, numberOfBins, overlaid));
        figure.Layout.Title = title;
        figure.Layout.XAxis = new Axis { Title = ScoreAxisTitle };
        figure.Layout.YAxis = new Axis { Title = "count" };
        if (abnormalScores is not null)
        {
            // Bins of a bin group follow its first trace; plotly ignores nbinsx on the others.
            figure.Data.Add(ScoreHistogram(abnormalScores, abnormalScoresName, ChartColors.Anomaly, null, true));
            figure.Layout.BarMode = BarMode.Overlay;
            AddRug(figure, abnormalScores, abnormalScoresName);
        }
        if (threshold is { } value)
        {
            AddVerticalThreshold(figure.Layout, value);
        }
        return figure;
    }

    /// <summary>Adds one mark per score in a strip below the histogram (y-axis <c>y2</c>), so a few abnormal
    /// scores stay visible next to thousands of normal ones; the mark and the overlaid bars share a legend
    /// entry.</summary>
    private static void AddRug(Figure figure, IReadOnlyList<double> scores, string name)
    {
        figure.Data[^1].LegendGroup = name;
        figure.Data.Add(
            new Scatter
            {
                X = PlotValues.FromNumbers(scores),
                Y = PlotValues.FromNumbers(scores.Select(_ => 0.0)),
                YAxis = "y2",
                Name = name + " (one mark each)",
                LegendGroup = name,
                Mode = ScatterMode.Markers,
                Marker = new Marker
                {
                    Color = ChartColors.Anomaly,
                    Size = RugMarkerSize,
                    Symbol = "line-ns-open",
                    Opacity = 0.8,
                    Line = new LineStyle { Color = ChartColors.Anomaly, Width = 2 },
                },
            }
        );
        Layout layout = figure.Layout;
        layout.XAxis!.Anchor = "y2";
        layout.YAxis!.Domain = [RugPanelFraction + PanelGap / 2, 1];
        layout.YAxis2 = new Axis
        {
            Domain = [0, RugPanelFraction],
            Anchor = "x",
            Range = PlotValues.FromNumbers([-1.0, 1.0]),
            ShowTickLabels = false,
            ShowGrid = false,
            ZeroLine = false,
        };
    }

    private static Histogram ScoreHistogram(
        IReadOnlyList<double> scores,
        string name,
        string color,
        int? numberOfBins,
        bool overlaid
    ) =>
        new()
        {
            X = PlotValues.FromNumbers(scores),
            Name = name,
            NumberOfBinsX = numberOfBins,
            BinGroup = "scores",
            Opacity = overlaid ? OverlaidHistogramOpacity : null,
            Marker = new Marker { Color = color },
        };

    /// <summary>Adds a dashed vertical line at x = <paramref name="threshold"/> over the plot's full height,
    /// with a label above it.</summary>
    private static void AddVerticalThreshold(Layout layout, double threshold)
    {
        (layout.Shapes ??= []).Add(
            new Shape
            {
                XReference = "x",
                YReference = "paper",
                X0 = threshold,
                X1 = threshold,
                Y0 = 0,
                Y1 = 1,
                Line = new LineStyle
                {
                    Color = ChartColors.Threshold,
                    Width = 2,
                    Dash = LineDash.Dash,
                },
            }
        );
        (layout.Annotations ??= []).Add(
            new Annotation
            {
                Text = ThresholdLabel(threshold),
                XReference = "x",
                YReference = "paper",
                X = threshold,
                Y = 1,
                ShowArrow = false,
                XAnchor = "left",
                YAnchor = "bottom",
            }
        );
    }

    /// <summary>Adds a dashed horizontal line at y = <paramref name="threshold"/> on the y-axis
    /// <paramref name="yAxisId"/>, across the plot's full width, with a label at its right end.</summary>
    private static void AddHorizontalThreshold(Layout layout, double threshold, string yAxisId)
    {
        (layout.Shapes ??= []).Add(
            new Shape
            {
                XReference = "paper",
                YReference = yAxisId,
                X0 = 0,
                X1 = 1,
                Y0 = threshold,
                Y1 = threshold,
                Line = new LineStyle
                {
                    Color = ChartColors.Threshold,
                    Width = 2,
                    Dash = LineDash.Dash,
                },
            }
        );
        (layout.Annotations ??= []).Add(
            new Annotation
            {
                Text = ThresholdLabel(threshold),
                XReference = "paper",
                YReference = yAxisId,
                X = 1,
                Y = threshold,
                ShowArrow = false,
                XAnchor = "right",
                YAnchor = "bottom",
            }
        );
    }

    private static string ThresholdLabel(double threshold) =>
        "threshold " + threshold.ToString("G4", CultureInfo.InvariantCulture);
}
