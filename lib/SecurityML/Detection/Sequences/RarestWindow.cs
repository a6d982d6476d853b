namespace SecurityML.Detection.Sequences;

/// <summary>The least likely sliding window of a session (msticpy's <c>rarest_window_session</c>).</summary>
/// <param name="Start">0-based index of the window's first command in the session; -1 when there is no window.</param>
/// <param name="Commands">The window's commands, taken from the session without the end token (so a window that
/// includes the end token lists one command fewer); empty when there is no window.</param>
/// <param name="Likelihood">The window's likelihood in [0, 1] (lower = rarer); NaN when the session has no
/// complete window and <see cref="ShortSessionScoring.NotANumber"/> applies.</param>
public sealed record RarestWindow(int Start, IReadOnlyList<Command> Commands, double Likelihood)
{
    /// <summary>The window's command names joined with " → ".</summary>
    public override string ToString() => string.Join(" → ", Commands.Select(command => command.Name));
}
