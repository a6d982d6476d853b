using SecurityML.Charts;
using SecurityML.Detection;
using SecurityML.Explain;
using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>The figures of the isolation-forest notebooks over logons (03, 04): explanations, account trends, the
/// account summary, the feature space. Account names come from logs; the figure serializer HTML-encodes them.</summary>
public static class IsolationForestCharts
{
    /// <summary>The left margin (pixels) that fits the longest feature name.</summary>
    public const int FeatureLabelMargin = 260;

    /// <summary>A force-style bar chart of one explanation: red bars push towards anomalous (shorter mean path),
    /// blue bars towards normal; units are path length (tree levels).</summary>
    public static Figure Explanation(Explanation explanation, string title)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        Figure figure = Chart.FeatureContributions(
            explanation.Contributions.Select(item => item.Feature).ToList(),
            ExplanationSummary.TowardsAnomalous(explanation),
            title: title
        );
        figure.Layout.XAxis = new Axis
        {
            Title = "towards anomalous (tree levels of mean path length saved)",
            ZeroLine = true,
        };
        figure.Layout.Margin = new Margin { Left = FeatureLabelMargin };
        return figure;
    }

    /// <summary>Per-day failed logons and distinct source hosts of one account, flagged days marked in red.</summary>
    /// <param name="summaries">Daily summaries (any accounts; the account's are picked).</param>
    /// <param name="account"><c>DOMAIN\user</c>, case-insensitive.</param>
    /// <param name="flaggedDays">Days the model flagged for the account (UTC midnight).</param>
    public static Figure AccountTrend(
        IReadOnlyList<LogonDailySummary> summaries,
        string account,
        IEnumerable<DateTimeOffset> flaggedDays
    )
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(flaggedDays);
        var days = summaries
            .Where(summary => string.Equals(summary.Account, account, StringComparison.OrdinalIgnoreCase))
            .OrderBy(summary => summary.Date)
            .ToList();
        var flagged = flaggedDays.ToHashSet();
        var figure = new Figure();
        figure.Data.Add(Line(days, day => day.FailedLogons, "failed logons", ChartColors.Normal));
        figure.Data.Add(Line(days, day => day.SourceHostNamesAttempted, "source hosts", ChartColors.Reference));
        figure.Data.Add(Line(days, day => day.ComputersSuccessfulAccess, "computers logged on to", "#2ca02c"));
        var marked = days.Where(day => flagged.Contains(day.Date)).ToList();
        figure.Data.Add(
            new Scatter
            {
                X = PlotValues.FromTimes(marked.Select(day => day.Date)),
                Y = PlotValues.FromNumbers(
                    marked.Select(day => (double)Math.Max(day.FailedLogons, day.ComputersSuccessfulAccess))
                ),
                Name = "flagged day",
                Mode = ScatterMode.Markers,
                Marker = new Marker
                {
                    Color = ChartColors.Anomaly,
                    Size = 14,
                    Symbol = "circle-open",
                },
            }
        );
        figure.Layout.Title = "Daily logons of " + account;
        figure.Layout.XAxis = ChartAxes.Days("day (UTC)");
        figure.Layout.YAxis = new Axis { Title = "per day" };
        return figure;
    }

    /// <summary>The feature rows in 3-D (first three principal components of the standardised features), outliers
    /// in red.</summary>
    public static Figure OutlierScatter3D(LogonFeatureTable table, IReadOnlyList<int> predictions)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(predictions);
        var components = PrincipalComponents.Fit(table.Vectors, 3);
        var figure = new Figure();
        foreach (bool outliers in new[] { false, true })
        {
            int[] members = Enumerable
                .Range(0, table.Rows.Count)
                .Where(index => (predictions[index] == -1) == outliers)
                .ToArray();
            figure.Data.Add(
                new Scatter3D
                {
                    X = PlotValues.FromNumbers(members.Select(index => components.Projections[index][0])),
                    Y = PlotValues.FromNumbers(members.Select(index => components.Projections[index][1])),
                    Z = PlotValues.FromNumbers(members.Select(index => components.Projections[index][2])),
                    HoverText = members
                        .Select(index => (string?)$"{table.Rows[index].Date:yyyy-MM-dd} {table.Rows[index].Account}")
                        .ToArray(),
                    Name = outliers ? "outlier" : "normal",
                    Mode = ScatterMode.Markers,
                    Marker = new Marker
                    {
                        Color = outliers ? ChartColors.Anomaly : ChartColors.Normal,
                        Size = outliers ? 6 : 3,
                    },
                }
            );
        }
        figure.Layout.Title = "Account-days in the first three principal components";
        Chart.UseCompactScene(figure, "PC1", "PC2", "PC3");
        return figure;
    }

    /// <summary>The Pearson correlation of the features (constant features show as gaps).</summary>
    public static Figure CorrelationHeatmap(LogonFeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var figure = new Figure();
        figure.Data.Add(
            new Heatmap
            {
                X = PlotValues.FromTexts(table.FeatureNames),
                Y = PlotValues.FromTexts(table.FeatureNames),
                Z = FeatureCorrelation.Pearson(table.Vectors),
                ColorScale = "RdBu",
                ZMinimum = -1,
                ZMaximum = 1,
            }
        );
        figure.Layout.Title = "Feature correlation (Pearson)";
        figure.Layout.Height = 600;
        figure.Layout.Margin = new Margin { Left = FeatureLabelMargin, Bottom = FeatureLabelMargin };
        return figure;
    }

    /// <summary>shap's summary bar chart: the mean |contribution| of each feature over the explanations.</summary>
    public static Figure ShapSummary(IReadOnlyList<Explanation> explanations)
    {
        var importances = ExplanationSummary
            .MeanAbsoluteContributions(explanations)
            .OrderBy(item => item.MeanAbsoluteContribution)
            .ToList();
        var figure = new Figure();
        figure.Data.Add(
            new Bar
            {
                Orientation = Orientation.Horizontal,
                X = PlotValues.FromNumbers(importances.Select(item => item.MeanAbsoluteContribution)),
                Y = PlotValues.FromTexts(importances.Select(item => item.Feature)),
                Marker = new Marker { Color = ChartColors.Normal },
            }
        );
        figure.Layout.Title = "Mean |SHAP value| per feature (mean path length)";
        figure.Layout.XAxis = new Axis { Title = "mean |contribution| (tree levels)" };
        figure.Layout.YAxis = new Axis { Type = AxisType.Category };
        figure.Layout.Margin = new Margin { Left = FeatureLabelMargin };
        return figure;
    }

    /// <summary>The chart of an <see cref="T:SecurityML.Detection.IsolationForest.AccountSummary"/>: the account's
    /// computers per day against its peers' median and maximum, with its alerts and bookmarks marked on the days they
    /// happened.</summary>
    /// <param name="summary">The account summary.</param>
    /// <param name="daily">The daily summaries it was built from (any accounts; days outside its window are
    /// ignored).</param>
    /// <returns>A line chart per UTC day: the account (blue), peers' median (grey) and maximum (grey, dotted), alerts
    /// (red diamonds) and bookmarks (orange stars) at the account's value of their day.</returns>
    public static Figure AccountSummary(AccountSummary summary, IEnumerable<LogonDailySummary> daily)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(daily);
        var inWindow = daily.Where(day => summary.Window.Contains(day.Date)).ToList();
        var own = inWindow
            .Where(day => string.Equals(day.Account, summary.Account, StringComparison.OrdinalIgnoreCase))
            .GroupBy(day => day.Date)
            .ToDictionary(group => group.Key, group => group.Sum(day => day.ComputersSuccessfulAccess));
        var peers = summary.Peers.PeerAccounts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var peerDays = inWindow
            .Where(day => peers.Contains(day.Account))
            .GroupBy(day => day.Date)
            .OrderBy(group => group.Key)
            .ToList();
        var days = own.Keys.Concat(peerDays.Select(group => group.Key)).Distinct().Order().ToList();
        var figure = new Figure();
        figure.Data.Add(
            Line(days, days.Select(day => (double)own.GetValueOrDefault(day)), summary.Account, ChartColors.Normal)
        );
        figure.Data.Add(
            Line(
                peerDays.Select(group => group.Key).ToList(),
                peerDays.Select(group =>
                    AccountPeerComparison.Median(group.Select(day => day.ComputersSuccessfulAccess))
                ),
                "peers' median",
                ChartColors.Reference
            )
        );
        figure.Data.Add(
            Line(
                peerDays.Select(group => group.Key).ToList(),
                peerDays.Select(group => (double)group.Max(day => day.ComputersSuccessfulAccess)),
                "peers' maximum",
                ChartColors.Reference,
                LineDash.Dot
            )
        );
        figure.Data.Add(
            Events(
                summary.Alerts.Select(alert => (alert.TimeGenerated, $"{alert.AlertSeverity}: {alert.AlertName}")),
                own,
                "alert",
                ChartColors.Anomaly,
                "diamond"
            )
        );
        figure.Data.Add(
            Events(
                summary.Bookmarks.Select(bookmark => (bookmark.EventTime, $"bookmark: {bookmark.BookmarkName}")),
                own,
                "bookmark",
                ChartColors.Threshold,
                "star"
            )
        );
        figure.Layout.Title =
            $"Computers logged on to per day: {summary.Account} and its {summary.Peers.Department} peers";
        figure.Layout.XAxis = ChartAxes.Days("day (UTC)");
        figure.Layout.YAxis = new Axis { Title = "computers per day" };
        return figure;
    }

    private static Scatter Line(
        List<LogonDailySummary> days,
        Func<LogonDailySummary, int> value,
        string name,
        string color
    ) => Line(days.Select(day => day.Date).ToList(), days.Select(day => (double)value(day)), name, color);

    private static Scatter Line(
        IReadOnlyList<DateTimeOffset> days,
        IEnumerable<double> values,
        string name,
        string color,
        LineDash? dash = null
    ) =>
        Chart.Line(
            PlotValues.FromTimes(days),
            PlotValues.FromNumbers(values),
            name,
            new LineStyle { Color = color, Dash = dash },
            ScatterMode.LinesAndMarkers
        );

    private static Scatter Events(
        IEnumerable<(DateTimeOffset Time, string Text)> events,
        Dictionary<DateTimeOffset, int> own,
        string name,
        string color,
        string symbol
    )
    {
        var items = events.ToList();
        return new Scatter
        {
            X = PlotValues.FromTimes(items.Select(item => item.Time)),
            Y = PlotValues.FromNumbers(items.Select(item => (double)own.GetValueOrDefault(StartOfDay(item.Time)))),
            HoverText = items.Select(item => (string?)item.Text).ToArray(),
            Name = name,
            Mode = ScatterMode.Markers,
            Marker = new Marker
            {
                Color = color,
                Size = 14,
                Symbol = symbol,
            },
        };
    }

    private static DateTimeOffset StartOfDay(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);
}
