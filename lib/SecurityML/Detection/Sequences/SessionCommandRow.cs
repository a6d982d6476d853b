namespace SecurityML.Detection.Sequences;

/// <summary>One operation of a ranked session, for display.</summary>
/// <param name="Rank">The session's rank (1 = rarest).</param>
/// <param name="Likelihood">The session's rarest-window likelihood (lower = rarer).</param>
/// <param name="TimeGenerated">When the operation ran (UTC).</param>
/// <param name="UserId">Who ran it.</param>
/// <param name="ClientIP">From where.</param>
/// <param name="Operation">The cmdlet.</param>
/// <param name="Parameters">The parameters as <c>Name=Value</c> pairs separated by "; ".</param>
public sealed record SessionCommandRow(
    int Rank,
    double Likelihood,
    DateTimeOffset TimeGenerated,
    string UserId,
    string ClientIP,
    string Operation,
    string Parameters
);
