namespace SecurityML.Detection.Sequences;

/// <summary>What the rarest-window likelihood is for a session with no complete window (fewer than
/// window length − 1 commands with start/end tokens, fewer than window length without).</summary>
public enum ShortSessionScoring
{
    /// <summary>NaN, as msticpy (the reference default): such sessions cannot be ranked. Score is NaN.</summary>
    NotANumber,

    /// <summary>The likelihood of the whole session taken as one window (with the start and end tokens when they are
    /// used; geometric mean over its length plus the end token), so that short sessions rank with the others. Not in
    /// msticpy.</summary>
    WholeSession,
}
