using SecurityML.Charts;
using SecurityML.Features.Sessions;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Ranks sessions by rarest-window likelihood (msticpy's <c>score_sessions</c> then sort) and draws them on a
/// timeline (msticpy's <c>visualise_scored_sessions</c>).
/// </summary>
public static class SessionRanking
{
    /// <summary>The default number of rarest sessions highlighted by <see cref="LikelihoodTimeline"/>.</summary>
    public const int DefaultHighlighted = 5;

    /// <summary>Scores every session and sorts them, rarest first.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="sessions">The sessions, e.g. from <see cref="Sessionizer"/>.</param>
    /// <param name="toCommands">Turns a session into commands, e.g. <see cref="OfficeActivitySessions.ToCommandSession"/>.</param>
    /// <returns>One row per session: ascending likelihood (ties by start time, then id), NaN likelihoods last.</returns>
    public static IReadOnlyList<ScoredSession> Rank<T>(MarkovSessionModel model, IReadOnlyList<Session<T>> sessions,
        Func<Session<T>, CommandSession> toCommands)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(toCommands);
        var rows = sessions.Select(session =>
        {
            var commands = toCommands(session);
            var rarest = model.FindRarestWindow(commands);
            return (Session: session, Commands: commands, Rarest: rarest);
        }).OrderBy(row => double.IsNaN(row.Rarest.Likelihood) ? 1 : 0)
            .ThenBy(row => row.Rarest.Likelihood)
            .ThenBy(row => row.Session.Start)
            .ThenBy(row => row.Session.Id)
            .ToList();
        return rows.Select((row, index) => new ScoredSession(index + 1, row.Session.Id, row.Session.Entity[0] ?? "",
            string.Join(" | ", row.Session.Entity.Skip(1)), row.Session.Start, row.Session.End, row.Commands.Commands.Count,
            row.Rarest.Likelihood, -Math.Log(row.Rarest.Likelihood), row.Rarest.ToString(), row.Commands.ToString())).ToList();
    }

    /// <summary>
    /// A timeline of sessions: one point per session at its start time, its rarest-window likelihood on a log y axis
    /// (lower = rarer), the <paramref name="highlighted"/> rarest in red; hover shows the entity and the rarest window.
    /// Sessions with a NaN likelihood are left out.
    /// </summary>
    /// <param name="scored">Rows from <see cref="Rank{T}"/>.</param>
    /// <param name="highlighted">How many of the rarest to mark (≥ 0); default 5.</param>
    /// <param name="title">The figure title.</param>
    public static Figure LikelihoodTimeline(IReadOnlyList<ScoredSession> scored, int highlighted = DefaultHighlighted,
        string title = "Rarest-window likelihood per session")
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

    private static Scatter Points(IReadOnlyList<ScoredSession> rows, string name, string color, double size) => new()
    {
        Name = name,
        Mode = ScatterMode.Markers,
        X = PlotValues.FromTimes(rows.Select(row => row.Start)),
        Y = PlotValues.FromNumbers(rows.Select(row => row.RarestWindowLikelihood)),
        HoverText = rows.Select(row => $"#{row.Rank} {row.Entity} {row.Source}: {row.RarestWindow}").ToList(),
        Marker = new Marker { Color = color, Size = size },
    };
}
