namespace SecurityML.Features.Sessions;

/// <summary>
/// When <see cref="Sessionizer"/> starts a new session, as msticpy's <c>sessionize_data</c>
/// (<c>max_session_time_mins</c>, <c>max_event_separation_mins</c>): a session ends when the entity changes, when the
/// gap to the previous event exceeds <see cref="MaximumEventSeparation"/>, or when the session would last longer than
/// <see cref="MaximumSessionDuration"/>.
/// </summary>
public sealed record SessionizeOptions
{
    /// <summary>Default of <see cref="MaximumSessionDuration"/>: 20 minutes (msticpy's notebooks).</summary>
    public static readonly TimeSpan DefaultMaximumSessionDuration = TimeSpan.FromMinutes(20);

    /// <summary>Default of <see cref="MaximumEventSeparation"/>: 2 minutes (msticpy's notebooks).</summary>
    public static readonly TimeSpan DefaultMaximumEventSeparation = TimeSpan.FromMinutes(2);

    /// <summary>The longest a session may last, first to last event; an event later than this after the session's
    /// first event starts a new session (strictly greater: an event exactly this late stays). ≥ 0; default 20
    /// minutes.</summary>
    public TimeSpan MaximumSessionDuration { get; init; } = DefaultMaximumSessionDuration;

    /// <summary>The longest gap between two consecutive events of a session; a longer gap (strictly greater) starts a
    /// new session. ≥ 0; default 2 minutes.</summary>
    public TimeSpan MaximumEventSeparation { get; init; } = DefaultMaximumEventSeparation;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative; the message gives the name, the range and
    /// the value.</exception>
    public void Validate()
    {
        if (MaximumSessionDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumSessionDuration),
                MaximumSessionDuration,
                $"{nameof(MaximumSessionDuration)} must be ≥ 0, received {MaximumSessionDuration}."
            );
        }
        if (MaximumEventSeparation < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumEventSeparation),
                MaximumEventSeparation,
                $"{nameof(MaximumEventSeparation)} must be ≥ 0, received {MaximumEventSeparation}."
            );
        }
    }
}
