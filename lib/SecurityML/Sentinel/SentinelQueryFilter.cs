using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>
/// Optional filters applied by the named queries in the workspace: only these accounts and/or computers. Values come
/// from notebooks (and often from logs), so they are always written into the query as escaped literals
/// (<see cref="KqlLiteral"/>); matching is case-insensitive (<c>in~</c>).
/// </summary>
public sealed record SentinelQueryFilter
{
    /// <summary>Accounts to keep (the data set's account column: <c>Account</c>, <c>TargetUserName</c>, <c>UserId</c>
    /// or <c>UserPrincipalName</c>; for the user directory <c>IdentityInfo.AccountUPN</c>, which it outputs as
    /// <c>UserPrincipalName</c>); empty (default) keeps every account.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Computers to keep (<c>Computer</c>); empty (default) keeps every computer. Only SecurityEvent data sets
    /// have a computer column.</summary>
    public IReadOnlyList<string> Computers { get; init; } = [];

    /// <summary>No filter.</summary>
    public static SentinelQueryFilter None { get; } = new();
}
