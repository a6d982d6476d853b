using SecurityML.Charts;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// The charts of the anomalous-sessions technique (notebook 07): ranked sessions on a timeline, as msticpy's
/// <c>visualise_scored_sessions</c>. They draw what <see cref="SessionRanking.Rank{T}"/> returns; nothing is
/// recomputed.
/// </summary>
public static class SessionCharts
{
    /// <summary>The default number of rarest sessions highlighted by <see cref="LikelihoodTimeline"/>.</summary>
    public const int DefaultHighlighted = 5;

    /// <summary>
    /// A timeline of sessions: one point per session at its start time, its rarest-window likelihood on a log y axis
    /// (lower = rarer), the <paramref name="highlighted"/> rarest in red; hover shows the entity and the rarest window.
    /// Sessions with a NaN likelihood are left out.
    /// </summary>
    /// <param name="scored">Rows from <see cref="SessionRanking.Rank{T}"/> (or
    /// <see cref="AnomalousSessions.Ranked"/>).</param>
    /// <param name="highlighted">How many of the rarest to mark (≥ 0); default 5.</param>
    /// <param name="title">The figure title.</param>
    public static Figure LikelihoodTimeline(
        IReadOnlyList<ScoredSession> scored,
        int highlighted = DefaultHighlighted,
        string title = "Rarest-window likelihood per session"
    )
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentOutOfRangeException.ThrowIfNegative(highlighted);
        var finite = scored.Where(row => !double.IsNaN(row.RarestWindowLikelihood)).ToList();
        var rarest = finite.OrderBy(row => row.Rank).Take(highlighted).ToList();
        var figure = new Figure();
        figure.Data.Add(Points(finite.Except(rarest).ToList(), "sessions", ChartColors.Normal, 7));
        figure.Data.Add(Points(rarest, $"{rarest.Count} rarest", ChartColors.Anomaly, 11));
        figure.Layout.Title = title;
        figure.Layout.XAxis = ChartAxes.Time("session start (UTC)");
        figure.Layout.YAxis = ChartAxes.Probability("rarest-window likelihood (log scale, lower = rarer)");
        return figure;
    }

    private static Scatter Points(IReadOnlyList<ScoredSession> rows, string name, string color, double size) =>
        new()
        {
            Name = name,
            Mode = ScatterMode.Markers,
            X = PlotValues.FromTimes(rows.Select(row => row.Start)),
            Y = PlotValues.FromNumbers(rows.Select(row => row.RarestWindowLikelihood)),
            HoverText = rows.Select(row => $"#{row.Rank} {row.Entity} {row.Source}: {row.RarestWindow}").ToList(),
            Marker = new Marker { Color = color, Size = size },
        };
}
