using System.Globalization;
using SecurityML.Charts;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>Charts of flagged accesses for the anomalous-resource-access notebooks.</summary>
public static class AccessAnomalyCharts
{
    /// <summary>
    /// A horizontal bar per flagged access (<c>user → resource</c>), highest score on top. Infinite scores (no chain
    /// of accesses connects user and resource) are drawn 10 % longer than the largest finite score and labelled ∞.
    /// Labels come from logs; the chart serialiser HTML-encodes them.
    /// </summary>
    /// <param name="flagged">The flagged accesses in display order (e.g. from <see cref="ScoredAccessFilters.Top"/>);
    /// rows without a score are skipped.</param>
    /// <param name="title">The chart title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="flagged"/> is null.</exception>
    public static Figure TopAccesses(IReadOnlyList<ScoredAccess> flagged, string title = "Most anomalous accesses")
    {
        ArgumentNullException.ThrowIfNull(flagged);
        var rows = flagged.Where(row => !double.IsNaN(row.AnomalyScore)).Reverse().ToList();
        var finite = rows.Select(row => row.AnomalyScore).Where(double.IsFinite).DefaultIfEmpty(1.0).Max();
        var infinity = finite > 0 ? finite * 1.1 : 1.0;
        var figure = new Figure();
        figure.Data.Add(
            new Bar
            {
                Orientation = Orientation.Horizontal,
                X = rows.Select(row => double.IsPositiveInfinity(row.AnomalyScore) ? infinity : row.AnomalyScore)
                    .ToArray(),
                Y = rows.Select(row =>
                        $"{row.User} → {row.Resource} ({row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"
                    )
                    .ToArray(),
                Text = rows.Select(row =>
                        double.IsPositiveInfinity(row.AnomalyScore)
                            ? "∞"
                            : row.AnomalyScore.ToString("F2", CultureInfo.InvariantCulture)
                    )
                    .ToArray(),
                Marker = new Marker { Color = ChartColors.Anomaly },
                Name = "anomaly score",
            }
        );
        figure.Layout.Title = title;
        figure.Layout.XAxis = new Axis { Title = "anomaly score (higher = more anomalous)" };
        figure.Layout.Height = Math.Max(300, 60 + 22 * rows.Count);
        figure.Layout.Margin = new Margin { Left = 360 };
        return figure;
    }
}
