using SecurityML.Data;
using SecurityML.Features.Sessions;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Exchange admin sessions scored in one call, as msticpy's <c>score_sessions</c> over its <c>Model</c>: the events
/// are cut into sessions, a Markov model is fitted on them, and every session is ranked by its rarest window and
/// flagged by the model's <c>Detect</c>. Everything notebook 07 shows is here; <see cref="MarkovSessionDetector"/>
/// and <see cref="MarkovSessionModel"/> stay the expert path (e.g. to score new sessions with a saved model).
/// </summary>
/// <example>
/// <code>
/// var scored = AnomalousSessions.Score(provider.ExchangeAdmin());
/// scored.Flagged.ToTable();            // the sessions Detect flags, rarest first
/// scored.CommandTable(5).ToTable();    // the five rarest sessions, operation by operation
/// </code>
/// </example>
public sealed class AnomalousSessions
{
    private readonly Dictionary<int, int> _indexOfSession;

    private AnomalousSessions(
        IReadOnlyList<OfficeActivityEvent> events,
        SessionizeOptions sessionize,
        IReadOnlyList<Session<OfficeActivityEvent>> sessions,
        IReadOnlyList<CommandSession> commands,
        MarkovSessionModel model
    )
    {
        Events = events;
        SessionizeOptions = sessionize;
        Sessions = sessions;
        Commands = commands;
        Model = model;
        Ranked = SessionRanking.Rank(model, sessions, OfficeActivitySessions.ToCommandSession);
        Flags = model.Detect(commands);
        _indexOfSession = sessions
            .Select((session, index) => (session.Id, index))
            .ToDictionary(pair => pair.Id, pair => pair.index);
        FlaggedSessionIds = sessions.Where((_, index) => Flags[index]).Select(session => session.Id).ToHashSet();
        Flagged = Ranked.Where(row => FlaggedSessionIds.Contains(row.SessionId)).ToList();
    }

    /// <summary>
    /// Cuts Exchange admin events into sessions (<see cref="OfficeActivitySessions.Sessionize"/>: Sentinel's
    /// <c>OfficeActivity</c> columns <c>UserId</c> and <c>ClientIP</c> are the entity, <c>TimeGenerated</c> the time,
    /// <c>Operation</c> and <c>Parameters</c> the command), fits <see cref="MarkovSessionDetector"/> on every session,
    /// ranks them (<see cref="SessionRanking.Rank{T}"/>) and flags them (<see cref="MarkovSessionModel.Detect"/> at the
    /// training threshold in the model's card).
    /// </summary>
    /// <param name="events">The operations, in any order; at least one.</param>
    /// <param name="options">The model's hyper-parameters; null for <see cref="MarkovSessionOptions"/>' defaults
    /// (commands only, window 3).</param>
    /// <param name="sessionize">The session limits; null for 20 minutes long, 2 minutes between operations.</param>
    /// <param name="progress">Receives the detector's training steps; may be null.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The sessions, the model, the ranking and the flags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">No events.</exception>
    /// <exception cref="FormatException">An event's <c>Parameters</c> is not a JSON list of name/value objects (the
    /// message quotes it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static AnomalousSessions Score(
        IReadOnlyList<OfficeActivityEvent> events,
        MarkovSessionOptions? options = null,
        SessionizeOptions? sessionize = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Expected at least one Exchange admin event, received 0.", nameof(events));
        }
        var detector = new MarkovSessionDetector(options);
        var limits = sessionize ?? new SessionizeOptions();
        var sessions = OfficeActivitySessions.Sessionize(events, limits);
        var commands = OfficeActivitySessions.ToCommandSessions(sessions);
        var model = detector.Fit(commands, progress, cancellationToken);
        return new AnomalousSessions(events, limits, sessions, commands, model);
    }

    /// <summary>The events scored, as given.</summary>
    public IReadOnlyList<OfficeActivityEvent> Events { get; }

    /// <summary>The session limits used (for <c>MarkovSessionScoring.WithSessionize</c> when the model is
    /// saved).</summary>
    public SessionizeOptions SessionizeOptions { get; }

    /// <summary>The sessions, ordered by id (user, address, then time).</summary>
    public IReadOnlyList<Session<OfficeActivityEvent>> Sessions { get; }

    /// <summary>Each session's commands, aligned with <see cref="Sessions"/>; the model's training data.</summary>
    public IReadOnlyList<CommandSession> Commands { get; }

    /// <summary>The fitted model; its card holds the training threshold <see cref="Flags"/> uses.</summary>
    public MarkovSessionModel Model { get; }

    /// <summary>Every session, rarest first (ascending rarest-window likelihood, NaN last; see
    /// <see cref="SessionRanking.Rank{T}"/>).</summary>
    public IReadOnlyList<ScoredSession> Ranked { get; }

    /// <summary><see cref="MarkovSessionModel.Detect"/> of each session, aligned with <see cref="Sessions"/>.</summary>
    public IReadOnlyList<bool> Flags { get; }

    /// <summary>The ids of the sessions <see cref="Flags"/> flags.</summary>
    public IReadOnlySet<int> FlaggedSessionIds { get; }

    /// <summary>The rows of <see cref="Ranked"/> whose session is flagged, rarest first.</summary>
    public IReadOnlyList<ScoredSession> Flagged { get; }

    /// <summary>The <paramref name="count"/> rarest sessions, one row per operation with its parameters
    /// (<see cref="OfficeActivitySessions.CommandTable"/>).</summary>
    /// <param name="count">How many of the rarest sessions (≥ 0; fewer when there are fewer sessions).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<SessionCommandRow> CommandTable(int count = SessionCharts.DefaultHighlighted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return OfficeActivitySessions.CommandTable(Sessions, Ranked.Take(count));
    }

    /// <summary>Why the session at <paramref name="rank"/> is rare: <see cref="MarkovSessionModel.Explain"/> of its
    /// commands (the factors of its rarest window; no contributions for a session too short for a window).</summary>
    /// <param name="rank">The session's rank, 1 = rarest, up to the number of sessions.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is outside 1 … the number of
    /// sessions.</exception>
    public Explanation Explain(int rank = 1)
    {
        if (rank < 1 || rank > Ranked.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rank),
                rank,
                $"{nameof(rank)} must be in [1, {Ranked.Count}] (the ranked sessions), received {rank}."
            );
        }
        return Model.Explain(Commands[_indexOfSession[Ranked[rank - 1].SessionId]]);
    }
}
