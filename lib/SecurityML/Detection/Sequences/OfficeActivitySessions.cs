using SecurityML.Data;
using SecurityML.Features.Sessions;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Sessions of Exchange admin operations (<see cref="OfficeActivityEvent"/>), as in msticpy's anomalous-sequence
/// notebook: per <c>UserId</c> and <c>ClientIP</c>, each operation a <see cref="Command"/> whose parameters come from
/// <see cref="OfficeActivityEvent.GetParameters"/>.
/// </summary>
public static class OfficeActivitySessions
{
    /// <summary>Groups operations into sessions by <c>UserId</c> and <c>ClientIP</c> (see
    /// <see cref="Sessionizer"/>).</summary>
    /// <param name="events">The operations, in any order.</param>
    /// <param name="options">Gap and duration limits; null for 20 minutes / 2 minutes.</param>
    public static IReadOnlyList<Session<OfficeActivityEvent>> Sessionize(
        IEnumerable<OfficeActivityEvent> events,
        SessionizeOptions? options = null
    ) => Sessionizer.Sessionize(events, e => e.TimeGenerated, options, e => e.UserId, e => e.ClientIP);

    /// <summary>The session's operations as commands with their parameters (names and values).</summary>
    /// <exception cref="FormatException">An event's <c>Parameters</c> is not a JSON list of name/value
    /// objects.</exception>
    public static CommandSession ToCommandSession(Session<OfficeActivityEvent> session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new CommandSession(
            session
                .Events.Select(e => new Command(
                    e.Operation,
                    e.GetParameters().Select(parameter => new CommandParameter(parameter.Name, parameter.Value))
                ))
                .ToList()
        );
    }

    /// <summary>Every session as commands, in order.</summary>
    public static IReadOnlyList<CommandSession> ToCommandSessions(IEnumerable<Session<OfficeActivityEvent>> sessions) =>
        sessions.Select(ToCommandSession).ToList();

    /// <summary>A readable view of ranked sessions: one row per operation with its parameters, rarest session
    /// first.</summary>
    /// <param name="sessions">All sessions (looked up by id).</param>
    /// <param name="ranked">The rows to show, e.g. <c>ranked.Take(5)</c>.</param>
    public static IReadOnlyList<SessionCommandRow> CommandTable(
        IReadOnlyList<Session<OfficeActivityEvent>> sessions,
        IEnumerable<ScoredSession> ranked
    )
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(ranked);
        var byId = sessions.ToDictionary(session => session.Id);
        return ranked
            .SelectMany(row =>
                byId[row.SessionId]
                    .Events.Select(e => new SessionCommandRow(
                        row.Rank,
                        row.RarestWindowLikelihood,
                        e.TimeGenerated,
                        e.UserId,
                        e.ClientIP,
                        e.Operation,
                        string.Join("; ", e.GetParameters().Select(parameter => $"{parameter.Name}={parameter.Value}"))
                    ))
            )
            .ToList();
    }
}
