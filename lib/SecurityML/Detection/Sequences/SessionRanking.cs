using SecurityML.Features.Sessions;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Ranks sessions by rarest-window likelihood (msticpy's <c>score_sessions</c> then sort); <see cref="SessionCharts"/>
/// draws the ranking, <see cref="AnomalousSessions.Score"/> does the whole notebook step in one call.
/// </summary>
public static class SessionRanking
{
    /// <summary>Scores every session and sorts them, rarest first.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="sessions">The sessions, e.g. from <see cref="Sessionizer"/>.</param>
    /// <param name="toCommands">Turns a session into commands, e.g.
    /// <see cref="OfficeActivitySessions.ToCommandSession"/>.</param>
    /// <returns>One row per session: ascending likelihood (ties by start time, then id), NaN likelihoods
    /// last.</returns>
    public static IReadOnlyList<ScoredSession> Rank<T>(
        MarkovSessionModel model,
        IReadOnlyList<Session<T>> sessions,
        Func<Session<T>, CommandSession> toCommands
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(toCommands);
        var rows = sessions
            .Select(session =>
            {
                var commands = toCommands(session);
                var rarest = model.FindRarestWindow(commands);
                return (Session: session, Commands: commands, Rarest: rarest);
            })
            .OrderBy(row => double.IsNaN(row.Rarest.Likelihood) ? 1 : 0)
            .ThenBy(row => row.Rarest.Likelihood)
            .ThenBy(row => row.Session.Start)
            .ThenBy(row => row.Session.Id)
            .ToList();
        return rows.Select(
                (row, index) =>
                    new ScoredSession(
                        index + 1,
                        row.Session.Id,
                        row.Session.Entity[0] ?? "",
                        string.Join(" | ", row.Session.Entity.Skip(1)),
                        row.Session.Start,
                        row.Session.End,
                        row.Commands.Commands.Count,
                        row.Rarest.Likelihood,
                        -Math.Log(row.Rarest.Likelihood),
                        row.Rarest.ToString(),
                        row.Commands.ToString()
                    )
            )
            .ToList();
    }
}
